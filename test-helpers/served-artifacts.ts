// The committed artifacts as a browser test page fetches them: vitest's dev server serves circuits/artifacts/.
// Browser-safe (no Node imports), unlike committed-artifacts.ts, which gives file paths.
import { artifactSourcesAt, type ArtifactSources } from '@proofx/sdk'

export const servedArtifactUrl = (file: string) => new URL(`/circuits/artifacts/${file}`, location.origin).href

export const servedArtifacts = (): ArtifactSources => artifactSourcesAt(servedArtifactUrl)
