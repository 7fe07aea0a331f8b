import type { Address, Chain, LocalAccount, Transport, WalletClient } from 'viem'
import { submitProof } from '@proofx/sdk'
import type { Relayer } from './relayer.js'

/**
 * Relays proofs with a SIGNER_ROLE account through the SDK's submitProof action: it simulates first,
 * so a revoked key fails with UnauthorizedSubmitterError and a paused verifier with ContractPausedError
 * before any gas is spent, and it never sends a proof the pairing would reject.
 */
export function createContractRelayer({
  walletClient,
  contract,
}: {
  walletClient: WalletClient<Transport, Chain | undefined, LocalAccount>
  contract: Address
}): Relayer {
  return {
    address: walletClient.account.address,
    async submit({ policyId, subject, proof }) {
      const { hash, receipt } = await submitProof(walletClient, { address: contract, policyId, subject, proof })
      return { transactionHash: hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed, verified: true }
    },
  }
}
