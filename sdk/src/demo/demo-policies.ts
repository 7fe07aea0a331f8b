import type { PolicyRules } from '../credentials/types.js'

/** Policies the demo deployment registers. Jurisdictions are ISO 3166-1 numeric codes. */
export const DEMO_POLICIES = {
  /** Net capital of at least 500,000 units, KYC level 2 or more, risk score 40 or less, EU/EEA + UK + US + CH + SG. */
  accredited: {
    policyId: 1n,
    minNetCapital: 500_000n,
    minKycLevel: 2,
    maxRiskScore: 40,
    allowedJurisdictions: [40, 56, 203, 208, 246, 250, 276, 300, 372, 380, 442, 528, 578, 616, 620, 724, 752, 756, 826, 840, 702],
  },
  /** A retail policy: any net capital, KYC level 1, risk score 70 or less, same jurisdictions. */
  retail: {
    policyId: 2n,
    minNetCapital: 0n,
    minKycLevel: 1,
    maxRiskScore: 70,
    allowedJurisdictions: [40, 56, 203, 208, 246, 250, 276, 300, 372, 380, 442, 528, 578, 616, 620, 724, 752, 756, 826, 840, 702],
  },
} as const satisfies Record<string, PolicyRules>
