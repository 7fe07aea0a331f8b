// @proofx/sdk/deploy: deploying ProofX (operators, the CLI, the local demo, tests, the in-browser EVM). Not in the
// package root: a dApp never deploys, and the demo-issuer guard needs the demo issuer's key.
export { deployProofX, type DeployIssuer, type DeployProofXParameters, type DeployProofXReturnType, type DeployStepResult } from './deploy-proofx.js'
export { assertNoDemoIssuerOffLocalChain, DEMO_ISSUER_CHAIN_ID } from './demo-issuer-guard.js'
export {
  GROTH16_VERIFIER_CONTRACTS,
  PROOFX_CONTRACT_NAMES,
  PROOFX_FOUNDRY_CONTRACTS,
  type FoundryArtifact,
  type ProofXContractArtifacts,
} from './types.js'
