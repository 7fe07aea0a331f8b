// The artifacts of the lead's trusted setup (circuits/artifacts), as the tests load them.
import { fileURLToPath } from 'node:url'
import { artifactSourcesAt, type ArtifactSources } from '@proofx/sdk'

// PROOFX_TEST_ARTIFACTS_DIR points the tests at another setup's output (e.g. while a new setup runs).
const dir = process.env.PROOFX_TEST_ARTIFACTS_DIR
  ? new URL(`file://${process.env.PROOFX_TEST_ARTIFACTS_DIR.replace(/\/?$/, '/')}`)
  : new URL('../circuits/artifacts/', import.meta.url)
export const artifactPath = (file: string) => fileURLToPath(new URL(file, dir))

export const committedArtifacts = (): ArtifactSources => artifactSourcesAt(artifactPath)
