// @proofx/sdk/demo: the demo issuer (its private key is public), the demo policies and a sample witness
// input. For the local demo, examples and tests only; never register the demo issuer on a real deployment.
export { DEMO_ISSUER_PRIVATE_KEY, demoIssuer } from './demo-issuer.js'
export { DEMO_POLICIES, DEMO_POLICY_DOCUMENTS, demoPolicyDocuments, type DemoPolicyName } from './demo-policies.js'
export { complianceSampleInput } from './compliance-sample-input.js'
