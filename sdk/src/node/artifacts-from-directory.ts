/// <reference types="node" />
import { join, resolve } from 'node:path'
import { artifactSourcesAt } from '../artifacts/artifact-sources-at.js'
import type { ArtifactSources } from '../artifacts/types.js'

/**
 * Artifact sources for a directory laid out like circuits/artifacts (compliance.wasm, compliance.zkey,
 * verification_key.json, manifest.json), e.g. a self-hosted copy on a server.
 * @example
 * const prover = createProver({ artifacts: artifactsFromDirectory('/srv/proofx/artifacts') })
 */
export function artifactsFromDirectory(directory: string): ArtifactSources {
  const dir = resolve(directory)
  return artifactSourcesAt((file) => join(dir, file))
}
