/** The BN254 scalar field: every circuit signal lives below it. */
export const SNARK_SCALAR_FIELD = 21888242871839275222246405745257275088548364400416034343698204186575808495617n

/** Bit widths the circuit range-checks (circuits/compliance.circom); the SDK checks the same. */
export const ATTRIBUTE_BITS = {
  assets: 64,
  liabilities: 64,
  kycLevel: 8,
  riskScore: 8,
  jurisdiction: 10,
  issuedAt: 40,
  expiresAt: 40,
  now: 40,
  minNetCapital: 64,
  minKycLevel: 8,
  maxRiskScore: 8,
  /** Circuit version 2 range-checks it to uint32, the contract's type. */
  validityPeriod: 32,
  subject: 160,
} as const

/** Depth of the jurisdiction tree the circuit accepts (256 leaves: every ISO 3166-1 code fits). */
export const MAX_JURISDICTION_DEPTH = 8

export const maxOf = (bits: number): bigint => (1n << BigInt(bits)) - 1n
