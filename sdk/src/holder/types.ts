import type { Address } from 'viem'
import type { SignedCredential } from '../credentials/types.js'

/** How a credential reached the store (shown to the holder; kept encrypted with it). */
export type CredentialSource = 'file' | 'link' | 'paste' | 'issuer'

/** Where a stored credential stands at `now`: `expiring` is valid but within the store's warning window. */
export type CredentialValidity = 'valid' | 'expiring' | 'expired' | 'not-yet-valid'

export type StoredCredential = {
  id: string
  credential: SignedCredential
  source: CredentialSource
  /** A name the holder gave it, if any. */
  label?: string | undefined
  /** Unix milliseconds. */
  addedAt: number
}

/** What the list shows: enough to choose one, with an expiry warning. Decrypted in memory, never stored in clear. */
export type CredentialSummary = StoredCredential & {
  subject: Address
  issuerKeyHash: bigint
  validity: CredentialValidity
  /** Seconds until expiry (negative once expired). */
  expiresIn: number
}

/** A record that no longer decrypts (device key cleared or record altered): list it so the holder can delete it. */
export type UnreadableCredential = { id: string; addedAt: number; validity: 'unreadable' }

export type ListCredentialsReturnType = { credentials: CredentialSummary[]; unreadable: UnreadableCredential[] }

export type AddCredentialReturnType = { id: string /** false when the same credential was already stored (its id is returned). */; added: boolean }
