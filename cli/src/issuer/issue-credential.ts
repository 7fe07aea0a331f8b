import { randomUUID } from 'node:crypto'
import { getAddress } from 'viem'
import {
  checkAttributeRanges,
  hashCredential,
  InvalidInputError,
  parseCredentialAttributes,
  parseTimestamp,
  randomSalt,
  signCredential,
  type CredentialAttributes,
  type IssuerKey,
  type SignedCredential,
} from '@proofx/sdk'
import type { IssuanceLedger, IssuanceRecord } from './issuance-ledger.js'

/** A year: how long a credential is valid when the input gives no `expiresAt`. */
export const DEFAULT_VALIDITY_SECONDS = 365n * 24n * 3600n

export type IssueOptions = {
  /** Unix seconds; default the clock. The default `issuedAt`, and `expiresAt` must be after it. */
  now?: bigint | undefined
  /** Seconds from `issuedAt` to the default `expiresAt`. */
  validFor?: bigint | undefined
  /** Keep the attribute values (with the salt) in the ledger, to re-deliver the same credential later. Default false. */
  keepAttributes?: boolean | undefined
  /** Runs inside the ledger transaction after the records are written (e.g. writing the files): if it throws, nothing is recorded. */
  deliver?: ((issued: readonly IssuedCredential[]) => void) | undefined
  /** How errors name input `i`'s fields; default "attributes" for one input, "attributes.<i>" for many. */
  fieldRoot?: ((index: number) => string) | undefined
}

export type IssuedCredential = { id: string; credential: SignedCredential; record: IssuanceRecord }

/**
 * An issuer's input for one credential (`subject`, `assets`, `liabilities`, `kycLevel`, `riskScore`, `jurisdiction`,
 * optional `issuedAt`/`expiresAt`) as parsed attributes with a fresh random salt. Checked with the prover's own zod
 * schemas and range checks, so the messages are the same; `root` names the fields ("attributes.kycLevel", "line 3.assets").
 */
export function prepareAttributes(
  input: unknown,
  { now = nowSeconds(), validFor = DEFAULT_VALIDITY_SECONDS, root = 'attributes' }: { now?: bigint; validFor?: bigint; root?: string } = {},
): CredentialAttributes {
  const raw = input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined
  if (raw?.salt !== undefined) throw new InvalidInputError({ field: `${root}.salt`, rule: 'is chosen at random when issuing; leave it out' })
  const issuedAt = raw?.issuedAt === undefined ? now : parseTimestamp(raw.issuedAt, `${root}.issuedAt`)
  const expiresAt = raw?.expiresAt === undefined ? issuedAt + validFor : raw.expiresAt
  const attributes = parseCredentialAttributes(raw ? { ...raw, issuedAt, expiresAt, salt: randomSalt() } : input, root)
  checkAttributeRanges(attributes, root)
  if (attributes.expiresAt <= attributes.issuedAt)
    throw new InvalidInputError({ field: `${root}.expiresAt`, rule: `must be after issuedAt (${attributes.issuedAt})` })
  if (attributes.expiresAt <= now)
    throw new InvalidInputError({ field: `${root}.expiresAt`, rule: `must be in the future (now is ${now}); the credential would be expired` })
  return { ...attributes, subject: getAddress(attributes.subject) }
}

/**
 * Validates every input, signs each credential with the issuer key and records them all in the ledger in one
 * transaction (all or none). Returns the credentials to deliver to their holders.
 * @example
 * const [issued] = issueCredentials(ledger, key, [{ subject, assets: '900000', liabilities: '100000', kycLevel: 2, riskScore: 20, jurisdiction: 276 }])
 */
export function issueCredentials(
  ledger: IssuanceLedger,
  key: IssuerKey,
  inputs: readonly unknown[],
  { now = nowSeconds(), validFor, keepAttributes = false, deliver, fieldRoot }: IssueOptions = {},
): IssuedCredential[] {
  const recordedAt = Math.floor(Date.now() / 1000)
  const attributes = inputs.map((input, i) =>
    prepareAttributes(input, {
      now,
      ...(validFor === undefined ? {} : { validFor }),
      root: fieldRoot?.(i) ?? (inputs.length === 1 ? 'attributes' : `attributes.${i}`),
    }),
  )
  const issued = attributes.map((a): IssuedCredential => {
    const credential = signCredential(key, a)
    const record: IssuanceRecord = {
      id: randomUUID(),
      credentialHash: hashCredential(a),
      issuerKeyHash: key.keyHash,
      subject: a.subject,
      issuedAt: a.issuedAt,
      expiresAt: a.expiresAt,
      status: 'issued',
      recordedAt,
      ...(keepAttributes ? { attributes: a } : {}),
      revocations: [],
    }
    return { id: record.id, credential, record }
  })
  ledger.record(
    issued.map(({ record: { status: _status, revocations: _revocations, ...rest } }) => rest),
    deliver && (() => deliver(issued)),
  )
  return issued
}

/** issueCredentials for one credential. */
export function issueCredential(ledger: IssuanceLedger, key: IssuerKey, input: unknown, options: IssueOptions = {}): IssuedCredential {
  return issueCredentials(ledger, key, [input], options)[0]!
}

const nowSeconds = () => BigInt(Math.floor(Date.now() / 1000))
