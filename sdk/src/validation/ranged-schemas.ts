import { z } from 'zod'
import { ATTRIBUTE_BITS, MAX_JURISDICTION_DEPTH, SNARK_SCALAR_FIELD, maxOf } from '../credentials/limits.js'
import { credentialAttributesSchema, policyRulesSchema, signedCredentialSchema, smallUintSchema, uintSchema } from './input-schemas.js'

// The input schemas of input-schemas.ts with the circuit's ranges (credentials/limits.ts) as refinements, and unknown
// keys refused: for a service that reports every bad field of a JSON body at once (prove() checks the same ranges
// afterwards with checkCredentialRanges/checkPolicyRanges, so it can throw OutOfRangeError naming the bit width).

const fits = (bits: number) => (value: bigint | number) => BigInt(value) <= maxOf(bits)
const uintBits = (bits: number) => uintSchema.refine(fits(bits), `must fit in ${bits} bits`)
const smallBits = (bits: number) => smallUintSchema.refine(fits(bits), `must fit in ${bits} bits`)
const fieldElement = uintSchema.refine((value) => value < SNARK_SCALAR_FIELD, 'must be below the BN254 scalar field')
const point = z.tuple([fieldElement, fieldElement], 'must be a pair [x, y]')

/** A signed credential in its JSON form, each attribute within the bits the circuit checks. */
export const rangedCredentialSchema = signedCredentialSchema
  .extend({
    attributes: credentialAttributesSchema
      .extend({
        assets: uintBits(ATTRIBUTE_BITS.assets),
        liabilities: uintBits(ATTRIBUTE_BITS.liabilities),
        kycLevel: smallBits(ATTRIBUTE_BITS.kycLevel),
        riskScore: smallBits(ATTRIBUTE_BITS.riskScore),
        jurisdiction: smallBits(ATTRIBUTE_BITS.jurisdiction),
        issuedAt: uintBits(ATTRIBUTE_BITS.issuedAt),
        expiresAt: uintBits(ATTRIBUTE_BITS.expiresAt),
        salt: fieldElement,
      })
      .strict(),
    issuerPublicKey: point,
    signature: signedCredentialSchema.shape.signature.extend({ R8: point, S: fieldElement }).strict(),
  })
  .strict()

/** Policy rules in their JSON form, within the circuit's bits and jurisdiction tree. */
export const rangedPolicyRulesSchema = policyRulesSchema
  .extend({
    policyId: fieldElement,
    minNetCapital: uintBits(ATTRIBUTE_BITS.minNetCapital),
    minKycLevel: smallBits(ATTRIBUTE_BITS.minKycLevel),
    maxRiskScore: smallBits(ATTRIBUTE_BITS.maxRiskScore),
    allowedJurisdictions: z
      .array(smallBits(ATTRIBUTE_BITS.jurisdiction), 'must be an array of ISO 3166-1 numeric codes')
      .min(1, 'must list at least one code')
      .refine(
        (codes) => new Set(codes).size <= 2 ** MAX_JURISDICTION_DEPTH,
        `at most ${2 ** MAX_JURISDICTION_DEPTH} distinct codes (tree depth ${MAX_JURISDICTION_DEPTH})`,
      ),
  })
  .strict()
