import { ProofXError } from './base.js'

export type ArtifactName = 'wasm' | 'zkey' | 'vkey' | 'manifest'

export type ArtifactIntegrityErrorType = ArtifactIntegrityError & { name: 'ArtifactIntegrityError' }
/** The bytes of an artifact do not hash to what the manifest says: corrupted or substituted. */
export class ArtifactIntegrityError extends ProofXError {
  override name = 'ArtifactIntegrityError' as const
  readonly artifact: ArtifactName
  readonly expected: string
  readonly actual: string
  /** What was compared: the file's sha256, or the verification key's hash (hashVerificationKey) with the set's. */
  readonly check: 'sha256' | 'vkeyHash'
  constructor({
    artifact,
    source,
    expected,
    actual,
    check = 'sha256',
  }: {
    artifact: ArtifactName
    source: string
    expected: string
    actual: string
    check?: 'sha256' | 'vkeyHash' | undefined
  }) {
    super(`The ${artifact} artifact failed its integrity check and was refused.`, {
      details:
        check === 'sha256'
          ? `${source}: sha256 ${actual}, the manifest expects ${expected}.`
          : `${source}: the verification key hashes to ${actual}, its artifact set is listed (or its manifest says it is) ${expected}.`,
      metaMessages: [
        'The file is corrupted or was substituted. Serve the artifacts of the same release as the manifest, and clear the browser cache if it holds an old copy.',
      ],
    })
    this.artifact = artifact
    this.expected = expected
    this.actual = actual
    this.check = check
  }
}

export type ArtifactFetchErrorType = ArtifactFetchError & { name: 'ArtifactFetchError' }
/** An artifact could not be downloaded or read. */
export class ArtifactFetchError extends ProofXError {
  override name = 'ArtifactFetchError' as const
  readonly artifact: ArtifactName
  readonly source: string
  /** The server answered 404 (or 410), or the file does not exist: nothing is published there. */
  readonly notFound: boolean
  constructor({
    artifact,
    source,
    reason,
    cause,
    notFound = false,
  }: { artifact: ArtifactName; source: string; reason: string; cause?: unknown; notFound?: boolean }) {
    super(`Could not load the ${artifact} artifact from ${source}.`, {
      details: reason,
      cause,
      metaMessages: ['Check the URL or path, and that the server allows this origin (CORS).'],
    })
    this.artifact = artifact
    this.source = source
    this.notFound = notFound
  }
}

export type VerificationKeyMismatchErrorType = VerificationKeyMismatchError & { name: 'VerificationKeyMismatchError' }
/** The artifacts' verification key is not the one the contract verifies against: proofs would fail on-chain. */
export class VerificationKeyMismatchError extends ProofXError {
  override name = 'VerificationKeyMismatchError' as const
  readonly expected: string
  readonly actual: string
  constructor({ expected, actual }: { expected: string; actual: string }) {
    super('The verification key of these artifacts does not match the one the verifier contract uses.', {
      details: `artifacts hash to ${actual}, the contract expects ${expected}.`,
      metaMessages: ['A proof made with them would be rejected on-chain. Use the artifacts of the deployed circuit version.'],
    })
    this.expected = expected
    this.actual = actual
  }
}

export type VerificationKeyNotAvailableErrorType = VerificationKeyNotAvailableError & { name: 'VerificationKeyNotAvailableError' }
/**
 * The verifier contract checks proofs against a verification key none of the configured artifact sets has:
 * thrown before proving, so no proof is made (and no transaction sent) that the contract would reject.
 */
export class VerificationKeyNotAvailableError extends ProofXError {
  override name = 'VerificationKeyNotAvailableError' as const
  /** The contract's `vkeyHash()`. */
  readonly expected: string
  /** The verification-key hashes of the artifact sets the prover has. */
  readonly available: string[]
  /** Where sets are fetched by hash, when the prover has a base URL (nothing was published under `expected`). */
  readonly baseUrl: string | undefined
  constructor({ expected, available, baseUrl, cause }: { expected: string; available: readonly string[]; baseUrl?: string | undefined; cause?: unknown }) {
    const have = available.length ? available.join(', ') : 'none'
    super(`No artifact set for the verification key ${expected} the verifier contract uses.`, {
      details: `the prover has the artifact sets ${have}${baseUrl ? `, and ${baseUrl} publishes no set under ${expected}` : ''}.`,
      cause,
      metaMessages: [
        'The verifier was switched to a new circuit version. Add its artifact set (its manifest names its vkeyHash), or publish it under the base URL, then prove again.',
      ],
    })
    this.expected = expected
    this.available = [...available]
    this.baseUrl = baseUrl
  }
}
