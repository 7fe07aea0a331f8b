import type { Abi, Hex } from 'viem'

/** A Foundry build artifact (out/<Name>.sol/<Name>.json): what deployProofX reads of it. */
export type FoundryArtifact = { abi: Abi; bytecode: { object: Hex } }

/** The contracts deployProofX deploys. Without Groth16BatchVerifier the deployment has no submitProofs. */
export type ProofXContractArtifacts = {
  Groth16Verifier: FoundryArtifact
  ProofXVerifier: FoundryArtifact
  ERC1967Proxy: FoundryArtifact
  Groth16BatchVerifier?: FoundryArtifact | undefined
}

/** The artifact names, in the order a Foundry build lists them (out/<Name>.sol/<Name>.json). */
export const PROOFX_CONTRACT_NAMES = [
  'Groth16Verifier',
  'ProofXVerifier',
  'ERC1967Proxy',
  'Groth16BatchVerifier',
] as const satisfies readonly (keyof ProofXContractArtifacts)[]
