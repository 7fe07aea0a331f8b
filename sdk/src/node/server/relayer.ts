import type { Registry } from 'prom-client'
import type { Address, Hash } from 'viem'
import type { ProofXProof } from '../../chain/to-proofx-proof.js'

/** The on-chain ProofXProof struct, as submitProof takes it. */
export type SolidityProof = ProofXProof

/** `gasUsed` is the whole transaction's; `batchSize` says how many proofs it recorded when relayed in a batch. */
export type RelayResult = { transactionHash: Hash; blockNumber: bigint; gasUsed: bigint; verified: boolean; batchSize?: number | undefined }

/** Submits proofs on-chain with a SIGNER_ROLE key. */
export type Relayer = {
  readonly address: Address
  submit(args: { policyId: bigint; subject: Address; proof: SolidityProof }): Promise<RelayResult>
  /** Registers the relayer's own metrics on the service's registry, if it has any. */
  registerMetrics?(registry: Registry): void
  /** Settles what is pending before the service stops, if the relayer holds anything back. */
  close?(): Promise<void>
}
