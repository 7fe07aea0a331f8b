export {
  createProver,
  type CreateProverParameters,
  type EngineFallback,
  type Prover,
  type ProveParameters,
  type ProveErrorType,
  type PreloadOptions,
  type PreloadReturnType,
} from './create-prover.js'
export { verifyProof, terminateCurve } from './verify-proof.js'
export { namePublicSignals } from './to-calldata.js'
export type { Groth16Proof, ProofProgress, ProofStage, ProofTimings, ProofXProofStruct, ProofXPublicSignals, ProveReturnType } from './types.js'
