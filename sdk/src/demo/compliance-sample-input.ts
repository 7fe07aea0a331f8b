import { buildCircuitInput, type ComplianceCircuitInput } from '../credentials/build-circuit-input.js'
import { computeScope } from '../credentials/compute-scope.js'
import { signCredential } from '../credentials/sign-credential.js'
import { demoIssuer } from './demo-issuer.js'
import { DEMO_POLICIES } from './demo-policies.js'
import { buildPolicy } from '../policies/build-policy.js'

/**
 * A valid witness input of compliance.circom (demo issuer, accredited policy, fixed values), used to time a
 * proof after the setup. Nothing in it is secret.
 */
export function complianceSampleInput(): ComplianceCircuitInput {
  const now = 1_767_225_600n
  const credential = signCredential(demoIssuer(), {
    subject: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    assets: 2_000_000n,
    liabilities: 500_000n,
    kycLevel: 3,
    riskScore: 20,
    jurisdiction: 276,
    issuedAt: now - 86_400n,
    expiresAt: now + 365n * 86_400n,
    salt: 12345678901234567890n,
  })
  return buildCircuitInput({
    credential,
    policy: buildPolicy(DEMO_POLICIES.accredited),
    now,
    scope: computeScope(31337, '0x5FbDB2315678afecb367f032d93F642f64180aa3'),
  })
}
