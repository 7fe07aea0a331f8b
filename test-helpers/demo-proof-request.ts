import type { Address } from 'viem'
import { randomSalt, serializeCredential, signCredential, type CredentialAttributes } from '@proofx/sdk'
import { demoIssuer, DEMO_POLICIES } from '@proofx/sdk/demo'

export type DemoProofRequestParameters = {
  subject: Address
  /** Unix seconds the credential is issued at; default one day before `now`. */
  now?: bigint | undefined
  attributes?: Partial<Omit<CredentialAttributes, 'subject'>> | undefined
  policy?: keyof typeof DEMO_POLICIES | undefined
  relay?: boolean | undefined
}

/**
 * A JSON body for POST /v1/proofs with a credential signed by the demo issuer (tests, the load
 * test and the drills). Returns the attributes too, so a test can look for them in logs.
 */
export function demoProofRequest({
  subject,
  now = BigInt(Math.floor(Date.now() / 1000)),
  attributes = {},
  policy = 'accredited',
  relay = false,
}: DemoProofRequestParameters) {
  const full: CredentialAttributes = {
    subject,
    assets: 987_654_321n,
    liabilities: 123_456_789n,
    kycLevel: 3,
    riskScore: 17,
    jurisdiction: 276,
    issuedAt: now - 86_400n,
    expiresAt: now + 365n * 86_400n,
    salt: randomSalt(),
    ...attributes,
  }
  const credential = signCredential(demoIssuer(), full)
  const rules = DEMO_POLICIES[policy]
  const body = {
    credential: JSON.parse(serializeCredential(credential)),
    policy: { ...rules, policyId: rules.policyId.toString(), minNetCapital: rules.minNetCapital.toString() },
    subject,
    relay,
  }
  return { body, attributes: full, credential }
}
