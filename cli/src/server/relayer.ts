import type { Address, Hash } from 'viem'
import type { ProofXProof } from '@proofx/sdk'

/** The on-chain ProofXProof struct, as submitProof takes it. */
export type SolidityProof = ProofXProof

export type RelayResult = { transactionHash: Hash; blockNumber: bigint; gasUsed: bigint; verified: boolean }

/** Submits proofs on-chain with a SIGNER_ROLE key. */
export type Relayer = {
  readonly address: Address
  submit(args: { policyId: bigint; subject: Address; proof: SolidityProof }): Promise<RelayResult>
}
