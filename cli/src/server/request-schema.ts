import { getAddress, type Address } from 'viem'
import { z } from 'zod'
import { addressSchema, rangedCredentialSchema, rangedPolicyRulesSchema, type PolicyRules, type SignedCredential } from '@proofx/sdk'

/**
 * Body of POST /v1/proofs: the SDK's credential and policy schemas (with the circuit's ranges, so one response names
 * every bad field). Bigints travel as decimal strings, as serializeCredential writes them.
 */
export const proofRequestSchema = z
  .object({
    credential: rangedCredentialSchema,
    policy: rangedPolicyRulesSchema,
    subject: addressSchema.transform((value) => getAddress(value)),
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
