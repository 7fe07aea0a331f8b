import { isAddress, maxUint256, type Address } from 'viem'
import { z } from 'zod'

// JSON forms: bigints arrive as decimal strings (serializeCredential), small numbers as numbers.
// Ranges are checked later against credentials/limits.ts so the error can name the bit width.

const integerString = /^(0|[1-9][0-9]*)$/

/** A non-negative integer given as a bigint, a safe integer or a decimal string; parsed to bigint. */
export const uintSchema = z
  .union(
    [
      z.bigint().nonnegative('must not be negative'),
      z.number().int('must be an integer').nonnegative('must not be negative').max(Number.MAX_SAFE_INTEGER, 'is above 2^53; pass it as a decimal string'),
      z.string().regex(integerString, 'must be a non-negative decimal integer string'),
    ],
    'must be a non-negative integer (number, bigint or decimal string)',
  )
  .transform((value) => BigInt(value))

/** A non-negative integer that fits a JS number (kyc level, risk score, jurisdiction code). */
export const smallUintSchema = z
  .union(
    [
      z.number().int('must be an integer').nonnegative('must not be negative'),
      z.bigint().nonnegative('must not be negative'),
      z.string().regex(integerString, 'must be a non-negative decimal integer string'),
    ],
    'must be a non-negative integer (number, bigint or decimal string)',
  )
  .transform((value) => Number(value))

/** An EVM chain id (EIP-155): a positive integer (the contract reads block.chainid, a uint256), as a number or a bigint. */
export const chainIdSchema = z
  .union(
    [
      z
        .number()
        .int('must be an integer')
        .positive('must be a positive integer (an EIP-155 chain id)')
        .max(Number.MAX_SAFE_INTEGER, 'is above 2^53; pass it as a bigint'),
      z.bigint().positive('must be a positive integer (an EIP-155 chain id)').max(maxUint256, 'must be a uint256'),
    ],
    'must be a positive integer (number or bigint), an EIP-155 chain id',
  )
  .transform((value) => BigInt(value))

export const addressSchema = z
  .string('must be a 20-byte hex address string (0x + 40 hex digits)')
  .refine((value) => isAddress(value, { strict: false }), 'must be a 20-byte hex address (0x + 40 hex digits)')
  .transform((value) => value as Address)

const pointSchema = z.tuple([uintSchema, uintSchema], 'must be a pair [x, y]')

export const credentialAttributesSchema = z.object(
  {
    subject: addressSchema,
    assets: uintSchema,
    liabilities: uintSchema,
    kycLevel: smallUintSchema,
    riskScore: smallUintSchema,
    jurisdiction: smallUintSchema,
    issuedAt: uintSchema,
    expiresAt: uintSchema,
    salt: uintSchema,
  },
  'must be an object',
)

export const signedCredentialSchema = z.object(
  {
    attributes: credentialAttributesSchema,
    issuerPublicKey: pointSchema,
    signature: z.object({ R8: pointSchema, S: uintSchema }, 'must be an object'),
  },
  'must be an object',
)

/** Seconds a compliance record stays valid after its proof: what `setPolicy` registers (uint32, at least 1). */
export const validityPeriodSchema = z
  .number('must be a number of seconds')
  .int('must be an integer')
  .positive('must be at least 1 second')
  .max(2 ** 32 - 1, 'must fit in uint32')

export const policyRulesSchema = z.object(
  {
    policyId: uintSchema,
    minNetCapital: uintSchema,
    minKycLevel: smallUintSchema,
    maxRiskScore: smallUintSchema,
    allowedJurisdictions: z.array(smallUintSchema, 'must be an array of ISO 3166-1 numeric codes'),
    validityPeriod: validityPeriodSchema,
  },
  'must be an object',
)

/** A policy's short name: what deployment files and the CLI call it (e.g. "accredited"). */
export const policyNameSchema = z
  .string('must be a string')
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes (at most 63), starting with a letter or digit')

/**
 * A published policy document in its JSON form. `id` is the on-chain policy id, `validityPeriod` the records'
 * validity and `rules` are policyRulesSchema's other rules (one schema for policy rules). The id, the rules and (from
 * circuit version 2) the validity period enter the Poseidon hash the contract stores; name, version and description
 * describe them for people and tools.
 */
export const policyDocumentSchema = z.object(
  {
    id: uintSchema,
    name: policyNameSchema,
    version: z.number('must be a number').int('must be an integer').positive('must be at least 1'),
    description: z.string('must be a string').min(1, 'must not be empty').max(2_000, 'must be at most 2000 characters'),
    /** Seconds a compliance record stays valid after its proof (what `setPolicy` registers; in the v2 hash). */
    validityPeriod: validityPeriodSchema,
    /** The circuit version the hash is for (default 2, the current one); 1 for deployments still on circuit v1. */
    circuitVersion: z.literal([1, 2], 'must be 1 or 2').optional(),
    rules: policyRulesSchema.omit({ policyId: true, validityPeriod: true }),
    /** Optional: the hash the publisher computed; refused if the rules hash to anything else. */
    hash: uintSchema.optional(),
  },
  'must be an object',
)
