import type { ArtifactSources } from './types.js'

/**
 * The artifacts shipped in the package's artifacts/ folder (copied from circuits/artifacts at build).
 * Resolved relative to this module, which sits two levels below the package root both in src/ and dist/.
 * Bundlers that understand `new URL(literal, import.meta.url)` (Vite, webpack 5) emit the files as assets, which is
 * why the four names are literals here rather than artifactSourcesAt's ARTIFACT_FILES.
 */
export function defaultArtifacts(): ArtifactSources {
  return {
    wasm: new URL('../../artifacts/compliance.wasm', import.meta.url).href,
    zkey: new URL('../../artifacts/compliance.zkey', import.meta.url).href,
    vkey: new URL('../../artifacts/verification_key.json', import.meta.url).href,
    manifest: new URL('../../artifacts/manifest.json', import.meta.url).href,
  }
}
