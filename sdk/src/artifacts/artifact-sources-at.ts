import type { ArtifactSources } from './types.js'

/** The four files of one artifact set, named as circuits/artifacts and every copy of it lays them out. */
export const ARTIFACT_FILES = {
  wasm: 'compliance.wasm',
  zkey: 'compliance.zkey',
  vkey: 'verification_key.json',
  manifest: 'manifest.json',
} as const

/**
 * Artifact sources for a set laid out like circuits/artifacts, wherever it is: `locate` turns each file name into
 * its URL or path. Browser-safe.
 * @example
 * const artifacts = artifactSourcesAt((file) => new URL(`/zk/${file}`, location.origin).href)
 */
export function artifactSourcesAt(locate: (file: string) => string): ArtifactSources {
  return {
    wasm: locate(ARTIFACT_FILES.wasm),
    zkey: locate(ARTIFACT_FILES.zkey),
    vkey: locate(ARTIFACT_FILES.vkey),
    manifest: locate(ARTIFACT_FILES.manifest),
  }
}
