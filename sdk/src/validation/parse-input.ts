import type { z } from 'zod'
import type { CredentialAttributes, PolicyRules, SignedCredential } from '../credentials/types.js'
import { InvalidInputError } from '../errors/validation.js'
import type { Address } from 'viem'
import { addressSchema, chainIdSchema, credentialAttributesSchema, policyRulesSchema, signedCredentialSchema, uintSchema } from './input-schemas.js'

/** Parses `input` with a zod schema; the first issue becomes an InvalidInputError naming `root.path.to.field`. */
export function parseWith<T>(schema: z.ZodType<T, unknown>, input: unknown, root: string): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const field = [root, ...issue.path.map(String)].filter(Boolean).join('.')
  throw new InvalidInputError({ field, rule: describeIssue(issue, valueAt(input, issue.path)) })
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined) return 'is required'
  if (issue.code !== 'invalid_union') return issue.message
  // A union of accepted forms (bigint | number | decimal string): report the branch that matched the
  // value's type, e.g. "must be an integer" for 2.5, rather than zod's generic "Invalid input".
  const specific = issue.errors.flat().find((inner) => inner.code !== 'invalid_type')
  // No branch matched the type: the union's own message says which forms are accepted.
  return specific?.message ?? issue.message
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/**
 * Parses a credential in its JSON form (or an already typed one) and checks its shape: types,
 * address format, non-negative integers. Throws InvalidInputError naming the field; never a TypeError.
 * @example
 * const credential = parseCredential(JSON.parse(text))
 */
export function parseCredential(input: unknown): SignedCredential {
  return parseWith(signedCredentialSchema, input, 'credential') as SignedCredential
}

/**
 * Parses a credential's attributes alone (an issuer's input, before signing) with the same schema and messages as
 * parseCredential; `root` names the fields in errors, e.g. "attributes.kycLevel" or "rows.3.kycLevel".
 */
export function parseCredentialAttributes(input: unknown, root = 'attributes'): CredentialAttributes {
  return parseWith(credentialAttributesSchema, input, root)
}

/** Parses policy rules ({ policyId, minNetCapital, minKycLevel, maxRiskScore, allowedJurisdictions }). */
export function parsePolicyRules(input: unknown): PolicyRules {
  return parseWith(policyRulesSchema, input, 'policy')
}

/** Parses a unix-seconds timestamp (`now`). */
export function parseTimestamp(input: unknown, field = 'now'): bigint {
  return parseWith(uintSchema, input, field)
}

/** Parses a 20-byte hex address (`subject`, `verifier`): InvalidInputError naming the field, never viem's InvalidAddressError. */
export function parseAddress(input: unknown, field: string): Address {
  return parseWith(addressSchema, input, field)
}

/** Parses a chain id: a positive integer, at most a uint256 (0, negatives and fractions are refused). */
export function parseChainId(input: unknown, field = 'chainId'): bigint {
  return parseWith(chainIdSchema, input, field)
}
