export { hashVerificationKey, type VerificationKey } from './hash-verification-key.js'
export { assertVerificationKeyMatches, type AssertVerificationKeyMatchesErrorType } from './assert-verification-key-matches.js'
export { loadArtifacts, type LoadArtifactsErrorType } from './load-artifacts.js'
export { defaultArtifacts } from './default-artifacts.js'
export { artifactSourcesAt, ARTIFACT_FILES } from './artifact-sources-at.js'
export { clearArtifactCache } from './artifact-cache.js'
export { sha256Hex } from './sha256-hex.js'
export type {
  ArtifactCatalog,
  ArtifactManifest,
  ArtifactProgress,
  ArtifactSource,
  ArtifactSources,
  LoadArtifactsOptions,
  LoadedArtifacts,
  ProverArtifacts,
  PublishedArtifactSet,
} from './types.js'
