// The committed artifacts as a browser test page fetches them: vitest's dev server serves circuits/artifacts/.
// Browser-safe (no Node imports), unlike committed-artifacts.ts, which gives file paths.
import type { ArtifactSources } from '@proofx/sdk'

export const servedArtifactUrl = (file: string) => new URL(`/circuits/artifacts/${file}`, location.origin).href

export const servedArtifacts = (): ArtifactSources => ({
  wasm: servedArtifactUrl('compliance.wasm'),
  zkey: servedArtifactUrl('compliance.zkey'),
  vkey: servedArtifactUrl('verification_key.json'),
  manifest: servedArtifactUrl('manifest.json'),
})
