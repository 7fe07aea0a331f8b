import { artifactSourcesAt, type ArtifactSources } from '@proofx/sdk'

/**
 * The circuit artifacts the page serves next to itself (vite.config.ts copies circuits/artifacts),
 * checked against the manifest's sha256 values by the SDK before proving.
 */
export async function demoArtifacts(): Promise<ArtifactSources> {
  const base = new URL('./artifacts/', document.baseURI)
  return artifactSourcesAt((file) => new URL(file, base).href)
}
