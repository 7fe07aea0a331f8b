/// <reference types="node" />
import { join, resolve } from 'node:path'
import type { ArtifactSources } from '../artifacts/types.js'

/**
 * Artifact sources for a directory laid out like circuits/artifacts (compliance.wasm, compliance.zkey,
 * verification_key.json, manifest.json), e.g. a self-hosted copy on a server.
 * @example
 * const prover = createProver({ artifacts: artifactsFromDirectory('/srv/proofx/artifacts') })
 */
export function artifactsFromDirectory(directory: string): ArtifactSources {
  const dir = resolve(directory)
  return {
    wasm: join(dir, 'compliance.wasm'),
    zkey: join(dir, 'compliance.zkey'),
    vkey: join(dir, 'verification_key.json'),
    manifest: join(dir, 'manifest.json'),
  }
}
