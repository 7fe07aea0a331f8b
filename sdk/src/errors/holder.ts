import { ProofXError } from './base.js'

export type CredentialNotFoundErrorType = CredentialNotFoundError & { name: 'CredentialNotFoundError' }
/** The credential store holds no credential with this id (deleted, or another browser profile). */
export class CredentialNotFoundError extends ProofXError {
  override name = 'CredentialNotFoundError' as const
  readonly id: string
  constructor({ id }: { id: string }) {
    super(`No stored credential has the id ${id}.`, { metaMessages: ['List the stored credentials again: it may have been deleted in another tab.'] })
    this.id = id
  }
}

export type CredentialStoreUnavailableErrorType = CredentialStoreUnavailableError & { name: 'CredentialStoreUnavailableError' }
/** IndexedDB or WebCrypto is missing or refused (private mode in some browsers, a non-secure origin, storage blocked). */
export class CredentialStoreUnavailableError extends ProofXError {
  override name = 'CredentialStoreUnavailableError' as const
  constructor({ reason, cause }: { reason: string; cause?: unknown }) {
    super('This browser cannot keep credentials on the device.', {
      details: reason,
      cause,
      metaMessages: ['Use a secure origin (https or localhost) and allow site storage; the credential can still be pasted for each proof.'],
    })
  }
}

export type CredentialUnreadableErrorType = CredentialUnreadableError & { name: 'CredentialUnreadableError' }
/** A stored record does not decrypt with this device's key (the key was cleared, or the record was altered). */
export class CredentialUnreadableError extends ProofXError {
  override name = 'CredentialUnreadableError' as const
  readonly id: string
  constructor({ id, cause }: { id: string; cause?: unknown }) {
    super(`The stored credential ${id} cannot be decrypted on this device.`, {
      cause,
      details: 'AES-GCM authentication failed: the device key changed or the record was altered.',
      metaMessages: ["Delete it and import the credential again from the issuer's file or link."],
    })
    this.id = id
  }
}
