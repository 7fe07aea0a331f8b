import type { QueryOptions } from '@tanstack/query-core'
import type { Address } from 'viem'
import type { Config } from '@wagmi/core'
// Runtime actions through wagmi (which installs @wagmi/core for them); only the Config type is named from @wagmi/core.
import { getPublicClient } from 'wagmi/actions'
import { getComplianceStatus, type GetComplianceStatusErrorType, type GetComplianceStatusReturnType } from '../actions/get-compliance-status.js'
import type { ProofXConfig } from '../config/create-proofx-config.js'

export type GetComplianceStatusOptions = {
  subject?: Address | undefined
  policyId?: bigint | undefined
  /** Defaults to the verifier the ProofX config names for `chainId`. */
  address?: Address | undefined
  /** Defaults to wagmi's current chain. */
  chainId?: number | undefined
}

export type GetComplianceStatusData = GetComplianceStatusReturnType

/** The query key; bigints are kept as strings so the key stays JSON-hashable. */
export function getComplianceStatusQueryKey({ subject, policyId, address, chainId }: GetComplianceStatusOptions) {
  return ['proofx', 'complianceStatus', { subject, policyId: policyId?.toString(), address, chainId }] as const
}

export type GetComplianceStatusQueryKey = ReturnType<typeof getComplianceStatusQueryKey>

/** TanStack query options reading a subject's compliance status through wagmi's public client. */
export function getComplianceStatusQueryOptions(wagmiConfig: Config, proofxConfig: ProofXConfig, options: GetComplianceStatusOptions) {
  return {
    queryKey: getComplianceStatusQueryKey(options),
    async queryFn() {
      const { subject, policyId } = options
      if (!subject || policyId === undefined) throw new Error('subject and policyId are required')
      const client = getPublicClient(wagmiConfig, { chainId: options.chainId })
      if (!client) throw new Error(`No wagmi public client for chain ${options.chainId}`)
      const address = options.address ?? proofxConfig.getVerifierAddress(client.chain.id)
      return getComplianceStatus(client, { address, subject, policyId })
    },
  } as const satisfies QueryOptions<GetComplianceStatusData, GetComplianceStatusErrorType, GetComplianceStatusData, GetComplianceStatusQueryKey>
}
