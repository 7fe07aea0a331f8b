import type { Address, Hex } from 'viem'

/** What an issuer attests about a subject. Amounts are uint64 in scaled units; times are unix seconds. */
export type CredentialAttributes = {
  subject: Address
  assets: bigint
  liabilities: bigint
  kycLevel: number
  riskScore: number
  /** ISO 3166-1 numeric code, e.g. 276 for Germany. */
  jurisdiction: number
  issuedAt: bigint
  expiresAt: bigint
  /** A random field element that keeps the credential hash unguessable. */
  salt: bigint
}

export type IssuerPublicKey = readonly [x: bigint, y: bigint]

export type CredentialSignature = { R8: readonly [x: bigint, y: bigint]; S: bigint }

/** A credential as the holder keeps it: the attributes, the issuer's key and its signature. */
export type SignedCredential = {
  attributes: CredentialAttributes
  issuerPublicKey: IssuerPublicKey
  signature: CredentialSignature
}

export type IssuerKey = {
  /** 32 random bytes; keep secret. */
  privateKey: Hex
  publicKey: IssuerPublicKey
  /** Poseidon(Ax, Ay): what the verifier contract registers as a trusted issuer. */
  keyHash: bigint
}

/** The rules a credential must meet. */
export type PolicyRules = {
  policyId: bigint
  minNetCapital: bigint
  minKycLevel: number
  maxRiskScore: number
  /** ISO 3166-1 numeric codes. */
  allowedJurisdictions: readonly number[]
  /**
   * Seconds a compliance record stays valid after its proof (what `setPolicy` registers, uint32). Circuit version 2
   * commits it in the policy hash and proves the credential is valid at least that long after the proof.
   */
  validityPeriod: number
}
