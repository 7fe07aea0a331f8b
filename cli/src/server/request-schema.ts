import { getAddress, isAddress, type Address } from 'viem'
import { z } from 'zod'
import { ATTRIBUTE_BITS, MAX_JURISDICTION_DEPTH, SNARK_SCALAR_FIELD, maxOf, type PolicyRules, type SignedCredential } from '@proofx/sdk'

/** A non-negative integer sent as a decimal string (or a safe JSON number), below 2^bits (or the field). */
const uint = (bits?: number) => {
  const max = bits === undefined ? SNARK_SCALAR_FIELD - 1n : maxOf(bits)
  return z
    .union([z.string().regex(/^\d{1,78}$/, 'must be a decimal integer string'), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
    .transform((v) => BigInt(v))
    .refine((v) => v <= max, bits === undefined ? 'must be below the BN254 scalar field' : `must fit in ${bits} bits`)
}
const small = (bits: number) =>
  z
    .number()
    .int()
    .nonnegative()
    .max(Number(maxOf(bits)), `must fit in ${bits} bits`)
const address = z
  .string()
  .refine((v) => isAddress(v, { strict: false }), 'must be a 20-byte hex address')
  .transform((v) => getAddress(v))

const credentialSchema = z
  .object({
    attributes: z
      .object({
        subject: address,
        assets: uint(ATTRIBUTE_BITS.assets),
        liabilities: uint(ATTRIBUTE_BITS.liabilities),
        kycLevel: small(ATTRIBUTE_BITS.kycLevel),
        riskScore: small(ATTRIBUTE_BITS.riskScore),
        jurisdiction: small(ATTRIBUTE_BITS.jurisdiction),
        issuedAt: uint(ATTRIBUTE_BITS.issuedAt),
        expiresAt: uint(ATTRIBUTE_BITS.expiresAt),
        salt: uint(),
      })
      .strict(),
    issuerPublicKey: z.tuple([uint(), uint()]),
    signature: z.object({ R8: z.tuple([uint(), uint()]), S: uint() }).strict(),
  })
  .strict()

const policySchema = z
  .object({
    policyId: uint(),
    minNetCapital: uint(ATTRIBUTE_BITS.minNetCapital),
    minKycLevel: small(ATTRIBUTE_BITS.minKycLevel),
    maxRiskScore: small(ATTRIBUTE_BITS.maxRiskScore),
    allowedJurisdictions: z
      .array(small(ATTRIBUTE_BITS.jurisdiction))
      .min(1)
      .max(2 ** MAX_JURISDICTION_DEPTH),
    /** Seconds the record stays valid: circuit v2 commits it in the policy hash. */
    validityPeriod: z
      .number()
      .int()
      .positive()
      .max(2 ** 32 - 1, 'must fit in uint32'),
  })
  .strict()

/** Body of POST /v1/proofs. Bigints travel as decimal strings, as serializeCredential writes them. */
export const proofRequestSchema = z
  .object({
    credential: credentialSchema,
    policy: policySchema,
    subject: address,
    /** Submit the proof on-chain with the service's SIGNER_ROLE key. */
    relay: z.boolean().default(false),
  })
  .strict()

export type ProofRequest = {
  credential: SignedCredential
  policy: PolicyRules
  subject: Address
  relay: boolean
}

export type FieldIssue = { field: string; rule: string; message: string }

/**
 * Parses the body; on failure returns one issue per bad field ("credential.attributes.kycLevel"),
 * never echoing the value (it may be private).
 */
export function parseProofRequest(body: unknown): { ok: true; value: ProofRequest } | { ok: false; issues: FieldIssue[] } {
  const result = proofRequestSchema.safeParse(body)
  if (result.success) return { ok: true, value: result.data as ProofRequest }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      field: issue.path.length ? issue.path.join('.') : '(body)',
      rule: issue.code,
      message: issue.message,
    })),
  }
}
