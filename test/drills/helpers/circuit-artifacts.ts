import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ArtifactSources, CircuitVersion } from '@proofx/sdk'

const artifactsRoot = fileURLToPath(new URL('../../../circuits/artifacts/', import.meta.url))

/** Where each circuit version's committed setup lives: v2 (current) at the top, v1 kept as fixtures in v1/. */
export const circuitArtifactsDir = (circuitVersion: CircuitVersion) => (circuitVersion === 1 ? `${artifactsRoot}v1/` : artifactsRoot)

/** A circuit version's committed artifacts, checked against their manifest when loaded. */
export const circuitArtifacts = (circuitVersion: CircuitVersion): { wasm: string; zkey: string; vkey: string; manifest: string } => {
  const dir = circuitArtifactsDir(circuitVersion)
  return { wasm: `${dir}compliance.wasm`, zkey: `${dir}compliance.zkey`, vkey: `${dir}verification_key.json`, manifest: `${dir}manifest.json` }
}

/** The vkeyHash a version's manifest states (what its verifier's deployment stores). */
export const circuitVkeyHash = (circuitVersion: CircuitVersion): `0x${string}` =>
  JSON.parse(readFileSync(circuitArtifacts(circuitVersion).manifest, 'utf8')).vkeyHash

/** Both committed versions keyed by vkeyHash: createProver({ artifacts: { sets } }) follows a switch between them. */
export const bothCircuitArtifactSets = (): Record<`0x${string}`, ArtifactSources> => ({
  [circuitVkeyHash(1)]: circuitArtifacts(1),
  [circuitVkeyHash(2)]: circuitArtifacts(2),
})
