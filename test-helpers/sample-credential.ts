// Test fixtures shared by the SDK's node and browser tests (not shipped: outside src/).
import type { Address } from 'viem'
import { computeScope, signCredential, type CredentialAttributes, type IssuerKey, type SignedCredential } from '@proofx/sdk'
import { demoIssuer, DEMO_POLICIES } from '@proofx/sdk/demo'

/** 2026-01-01T00:00:00Z, fixed so a failing test is reproducible. */
export const NOW = 1_767_225_600n
export const SUBJECT: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
export const VERIFIER: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
export const CHAIN_ID = 31337
export const SCOPE = computeScope(CHAIN_ID, VERIFIER)
export const POLICY = DEMO_POLICIES.accredited

export const issuer: IssuerKey = demoIssuer()

/** Attributes that meet the accredited policy with a margin on every rule. */
export const validAttributes: CredentialAttributes = {
  subject: SUBJECT,
  assets: 2_000_000n,
  liabilities: 500_000n,
  kycLevel: 3,
  riskScore: 20,
  jurisdiction: 276,
  issuedAt: NOW - 86_400n,
  expiresAt: NOW + 365n * 86_400n,
  salt: 0x1d3c5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2n,
}

/** A credential signed by `signer` (the demo issuer unless given) over the valid attributes with some overridden. */
export function signed(overrides: Partial<CredentialAttributes> = {}, signer: Pick<IssuerKey, 'privateKey' | 'publicKey'> = issuer): SignedCredential {
  return signCredential(signer, { ...validAttributes, ...overrides })
}
