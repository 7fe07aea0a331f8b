import type { ProofXProof } from '../chain/to-proofx-proof.js'
import type { Address, Hex } from 'viem'
import type { ArtifactProgress } from '../artifacts/types.js'
import type { ProvingEngine } from './proving-engine.js'

/** Stages of a proof, in order. `loading-artifacts` only happens when the artifacts are not in memory yet. */
export type ProofStage = 'loading-artifacts' | 'witness' | 'proving' | 'verifying' | 'done'

/** Milliseconds spent per stage; `total` is wall time seen by the caller. */
export type ProofTimings = {
  loadArtifacts: number
  witness: number
  prove: number
  verify: number
  total: number
}

export type ProofProgress = {
  stage: ProofStage
  /** Milliseconds since the call started. */
  elapsed: number
  /** Byte progress while stage is 'loading-artifacts'. */
  artifact?: ArtifactProgress | undefined
}

/** snarkjs's Groth16 proof JSON. */
export type Groth16Proof = { pi_a: string[]; pi_b: string[][]; pi_c: string[]; protocol: string; curve: string }

/**
 * The public signals by name (order in `publicSignals`: issuerKeyHash, nullifier, policyHash, context), with the
 * three values `context = subject + now * 2^160 + scopeTag * 2^200` packs in place of context itself.
 */
export type ProofXPublicSignals = {
  issuerKeyHash: bigint
  nullifier: bigint
  policyHash: bigint
  /** uint160 of the subject address (from context). */
  subject: bigint
  /** From context. */
  now: bigint
  /** The scope tag, computeScope(chainId, verifier) (from context). */
  scope: bigint
}

/** ProofXVerifier's `ProofXProof` struct; a, b, c ordered as snarkjs exportSolidityCallData orders them. */
export type ProofXProofStruct = ProofXProof

export type ProveReturnType = {
  proof: Groth16Proof
  /** Decimal strings in circuit order: issuerKeyHash, nullifier, policyHash, context. */
  publicSignals: readonly string[]
  /** The same values as bigints, by name. */
  signals: ProofXPublicSignals
  /** Arguments of ProofXVerifier.submitProof(policyId, subject, proof). */
  calldata: { policyId: bigint; subject: Address; proof: ProofXProofStruct }
  /** hashVerificationKey of the key the proof was made for. */
  vkeyHash: Hex
  /** The Groth16 prover that made this proof: 'proofx', or 'snarkjs' when asked for or when the engine could not start. */
  engine: ProvingEngine
  timings: ProofTimings
}
