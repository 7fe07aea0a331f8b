import type { MutationOptions } from '@tanstack/query-core'
import type { Address } from 'viem'
import type { Config } from 'wagmi'
import { getConnection, getConnectorClient } from 'wagmi/actions'
import { submitProof, type SubmitProofErrorType, type SubmitProofParameters, type SubmitProofReturnType } from '../actions/submit-proof.js'
import type { ProofXConfig } from '../react/create-proofx-config.js'

export type SubmitProofVariables = Omit<SubmitProofParameters, 'address' | 'account' | 'chain'> & {
  /** The verifier proxy; defaults to the one the ProofX config names for the wallet's chain. */
  address?: Address | undefined
  /** The chain to submit on; defaults to the connected wallet's. */
  chainId?: number | undefined
}

export type SubmitProofData = SubmitProofReturnType

export const submitProofMutationKey = () => ['proofx', 'submitProof'] as const

/**
 * TanStack mutation options that submit a proof through the connected wagmi wallet and wait for
 * the receipt. Framework-free: `useSubmitProof` is a thin React wrapper.
 */
export function submitProofMutationOptions(wagmiConfig: Config, proofxConfig: ProofXConfig) {
  return {
    mutationKey: submitProofMutationKey(),
    async mutationFn(variables) {
      const { address, chainId, ...rest } = variables
      const client = await getConnectorClient(wagmiConfig, { chainId: chainId ?? getConnection(wagmiConfig).chainId })
      // A connector client polls at viem's default 4 s whatever the config says: wait for the receipt at the
      // config's pace, or the page shows "submitting" for seconds after the chain has the record.
      const pollingInterval = rest.pollingInterval ?? wagmiConfig.getClient({ chainId: client.chain.id }).pollingInterval
      return submitProof(client, { ...rest, pollingInterval, address: address ?? proofxConfig.getVerifierAddress(client.chain.id) })
    },
  } as const satisfies MutationOptions<SubmitProofData, SubmitProofErrorType, SubmitProofVariables>
}
