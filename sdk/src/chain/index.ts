export { groth16VerifierAbi, proofXVerifierAbi } from './abi.js'
export { decodeContractError, type DecodeContractErrorParameters } from './decode-contract-error.js'
export { proofXRoles, roleName, type ProofXRoleName } from './roles.js'
export { toProofXProof, type Groth16ProofOutput, type ProofXProof } from './to-proofx-proof.js'
export {
  simulateVerifier,
  writeVerifier,
  type SimulateParameters,
  type SimulateVerifierReturnType,
  type VerifierWriteFunctionName,
  type WriteVerifierHooks,
  type WriteVerifierOptions,
  type WriteVerifierReturnType,
} from './write-verifier.js'
