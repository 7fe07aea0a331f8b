import type { PolicyRules } from '../credentials/types.js'
import { parsePolicyDocument } from '../policies/parse-policy-document.js'
import type { PolicyDocument } from '../policies/policy-document.js'
import { parsePolicyRules } from '../validation/parse-input.js'

const DEMO_JURISDICTIONS = [40, 56, 203, 208, 246, 250, 276, 300, 372, 380, 442, 528, 578, 616, 620, 724, 752, 756, 826, 840, 702]

/**
 * The policy documents the demo deployment publishes (JSON form, as a publisher would host them). The local deploy
 * script registers their hashes and lists them in deployments/<chainId>.json; dApps read them from there.
 * Jurisdictions are ISO 3166-1 numeric codes.
 */
export const DEMO_POLICY_DOCUMENTS = {
  accredited: {
    id: '1',
    name: 'accredited',
    version: 1,
    description:
      'Accredited investors: net capital of at least 500,000 units, KYC level 2 or more, risk score 40 or less, resident in the EU/EEA, the UK, the US, Switzerland or Singapore.',
    validityPeriod: 30 * 86_400,
    rules: { minNetCapital: '500000', minKycLevel: 2, maxRiskScore: 40, allowedJurisdictions: DEMO_JURISDICTIONS },
  },
  retail: {
    id: '2',
    name: 'retail',
    version: 1,
    description: 'Retail: any net capital, KYC level 1 or more, risk score 70 or less, same jurisdictions as accredited.',
    validityPeriod: 30 * 86_400,
    rules: { minNetCapital: '0', minKycLevel: 1, maxRiskScore: 70, allowedJurisdictions: DEMO_JURISDICTIONS },
  },
} as const

export type DemoPolicyName = keyof typeof DEMO_POLICY_DOCUMENTS

/** The demo documents, parsed (hash computed). */
export const demoPolicyDocuments = (): Record<DemoPolicyName, PolicyDocument> => ({
  accredited: parsePolicyDocument(DEMO_POLICY_DOCUMENTS.accredited),
  retail: parsePolicyDocument(DEMO_POLICY_DOCUMENTS.retail),
})

const rulesOf = (document: (typeof DEMO_POLICY_DOCUMENTS)[DemoPolicyName]): PolicyRules =>
  parsePolicyRules({ policyId: document.id, ...document.rules, validityPeriod: document.validityPeriod })

/** The demo documents' rules, for tests and fixtures that need the rules without a chain (dApps read the documents). */
export const DEMO_POLICIES: Record<DemoPolicyName, PolicyRules> = /* @__PURE__ */ (() => ({
  accredited: rulesOf(DEMO_POLICY_DOCUMENTS.accredited),
  retail: rulesOf(DEMO_POLICY_DOCUMENTS.retail),
}))()
