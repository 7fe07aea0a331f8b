import { signCredential, randomSalt, type SignedCredential } from '@proofx/sdk'
import { demoIssuer } from '@proofx/sdk/demo'
import type { Address } from 'viem'

/** Sample profiles the in-page demo issuer signs; each one exercises one outcome of the accredited policy. */
export const SAMPLE_PROFILES = {
  qualifies: {
    label: 'Qualifies: net capital 900,000, KYC 2, risk 20, Germany',
    assets: 1_000_000n,
    liabilities: 100_000n,
    kycLevel: 2,
    riskScore: 20,
    jurisdiction: 276,
    validFor: 365 * 86_400,
    startsAgo: 3_600,
  },
  belowThreshold: {
    label: 'Below threshold: net capital 200,000',
    assets: 300_000n,
    liabilities: 100_000n,
    kycLevel: 2,
    riskScore: 20,
    jurisdiction: 276,
    validFor: 365 * 86_400,
    startsAgo: 3_600,
  },
  expired: {
    label: 'Expired yesterday',
    assets: 1_000_000n,
    liabilities: 100_000n,
    kycLevel: 2,
    riskScore: 20,
    jurisdiction: 276,
    validFor: 86_400,
    startsAgo: 2 * 86_400,
  },
} as const

export type SampleProfile = keyof typeof SAMPLE_PROFILES

/**
 * Signs a sample credential for `subject` with the demo issuer, whose private key is public:
 * the demo deployment trusts it, nothing real should.
 */
export function issueSampleCredential(subject: Address, profile: SampleProfile, nowSeconds = Math.floor(Date.now() / 1000)): SignedCredential {
  const p = SAMPLE_PROFILES[profile]
  const issuedAt = BigInt(nowSeconds - p.startsAgo)
  return signCredential(demoIssuer(), {
    subject,
    assets: p.assets,
    liabilities: p.liabilities,
    kycLevel: p.kycLevel,
    riskScore: p.riskScore,
    jurisdiction: p.jurisdiction,
    issuedAt,
    expiresAt: issuedAt + BigInt(p.validFor),
    salt: randomSalt(),
  })
}
