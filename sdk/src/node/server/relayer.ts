import type { Address, Hash } from 'viem'

/** The on-chain ProofXProof struct, as submitProof takes it. */
export type SolidityProof = {
  issuerKeyHash: bigint
  nullifier: bigint
  timestamp: bigint
  a: readonly [bigint, bigint]
  b: readonly [readonly [bigint, bigint], readonly [bigint, bigint]]
  c: readonly [bigint, bigint]
}

export type RelayResult = { transactionHash: Hash; blockNumber: bigint; gasUsed: bigint; verified: boolean }

/** Submits proofs on-chain with a SIGNER_ROLE key. */
export type Relayer = {
  readonly address: Address
  submit(args: { policyId: bigint; subject: Address; proof: SolidityProof }): Promise<RelayResult>
}
