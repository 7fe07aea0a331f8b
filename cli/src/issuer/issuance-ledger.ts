import type { Address, Hash } from 'viem'
import type { CredentialAttributes } from '@proofx/sdk'

export type CredentialStatus = 'issued' | 'revoked'

/** One revocation transaction: a credential is revoked per deployment (chain + verifier proxy). */
export type Revocation = {
  chainId: number
  contract: Address
  /** Poseidon(credentialHash, scopeTag) for this deployment: what `revokeCredential` was sent with. */
  nullifier: bigint
  /** Null when the contract already had it revoked (the ledger caught up). */
  transactionHash: Hash | null
  /** Unix seconds. */
  revokedAt: number
}

/**
 * What the ledger keeps of one issued credential. Nothing here depends on a policy or a deployment: the nullifier
 * for any deployment follows from `credentialHash`. Attribute values are kept only if the issuer opted in.
 */
export type IssuanceRecord = {
  id: string
  /** hashCredential(attributes): what the issuer signed. */
  credentialHash: bigint
  /** The key that signed it (which issuer to revoke under, after key rotation too). */
  issuerKeyHash: bigint
  subject: Address
  issuedAt: bigint
  expiresAt: bigint
  status: CredentialStatus
  /** Unix seconds when the ledger recorded the issuance. */
  recordedAt: number
  /** The full attributes (with the salt), only with `keepAttributes`: lets the issuer re-deliver the same credential. */
  attributes?: CredentialAttributes | undefined
  revocations: Revocation[]
}

export type NewIssuanceRecord = Omit<IssuanceRecord, 'status' | 'revocations'>

export type ListFilter = { subject?: Address | undefined; status?: CredentialStatus | undefined; limit?: number | undefined; offset?: number | undefined }

/**
 * Where issued credentials are recorded. Synchronous on purpose: the embedded SQLite ledger (openSqliteLedger)
 * is, and one issuance is one atomic write.
 */
export interface IssuanceLedger {
  /** Where it lives (a file path), for messages. */
  readonly location: string
  /** Records credentials atomically. `deliver` runs inside the transaction: if it throws, nothing is recorded. */
  record(records: readonly NewIssuanceRecord[], deliver?: () => void): void
  get(id: string): IssuanceRecord | undefined
  /** Newest first. */
  list(filter?: ListFilter): IssuanceRecord[]
  /** Marks the credential revoked and adds the revocation (one per deployment). */
  recordRevocation(id: string, revocation: Revocation): IssuanceRecord
  close(): void
}

/** A record as JSON (bigints as decimal strings): what `proofx issuer list` prints and the HTTP service returns. */
export function issuanceRecordToJson(record: IssuanceRecord, now = Math.floor(Date.now() / 1000)) {
  return {
    id: record.id,
    credentialHash: record.credentialHash.toString(),
    issuerKeyHash: record.issuerKeyHash.toString(),
    subject: record.subject,
    issuedAt: Number(record.issuedAt),
    expiresAt: Number(record.expiresAt),
    expired: BigInt(now) >= record.expiresAt,
    status: record.status,
    recordedAt: record.recordedAt,
    ...(record.attributes ? { attributesKept: true } : {}),
    revocations: record.revocations.map((r) => ({ ...r, nullifier: r.nullifier.toString() })),
  }
}
