import { ProofXError } from './base.js'

export type ArtifactName = 'wasm' | 'zkey' | 'vkey' | 'manifest'

export type ArtifactIntegrityErrorType = ArtifactIntegrityError & { name: 'ArtifactIntegrityError' }
/** The bytes of an artifact do not hash to what the manifest says: corrupted or substituted. */
export class ArtifactIntegrityError extends ProofXError {
  override name = 'ArtifactIntegrityError' as const
  readonly artifact: ArtifactName
  readonly expected: string
  readonly actual: string
  constructor({ artifact, source, expected, actual }: { artifact: ArtifactName; source: string; expected: string; actual: string }) {
    super(`The ${artifact} artifact failed its integrity check and was refused.`, {
      details: `${source}: sha256 ${actual}, the manifest expects ${expected}.`,
      metaMessages: [
        'The file is corrupted or was substituted. Serve the artifacts of the same release as the manifest, and clear the browser cache if it holds an old copy.',
      ],
    })
    this.artifact = artifact
    this.expected = expected
    this.actual = actual
  }
}

export type ArtifactFetchErrorType = ArtifactFetchError & { name: 'ArtifactFetchError' }
/** An artifact could not be downloaded or read. */
export class ArtifactFetchError extends ProofXError {
  override name = 'ArtifactFetchError' as const
  readonly artifact: ArtifactName
  readonly source: string
  constructor({ artifact, source, reason, cause }: { artifact: ArtifactName; source: string; reason: string; cause?: unknown }) {
    super(`Could not load the ${artifact} artifact from ${source}.`, {
      details: reason,
      cause,
      metaMessages: ['Check the URL or path, and that the server allows this origin (CORS).'],
    })
    this.artifact = artifact
    this.source = source
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
