import type { QueryOptions } from '@tanstack/query-core'
import type { Address } from 'viem'
import type { Config } from '@wagmi/core'
import { getPublicClient } from 'wagmi/actions'
import { getPublishedPolicy, type GetPublishedPolicyErrorType, type GetPublishedPolicyReturnType } from '../actions/get-published-policy.js'
import type { ProofXConfig } from '../config/create-proofx-config.js'

export type GetPublishedPolicyOptions = {
  /** The policy document (parsed or JSON), or `{ url }`: e.g. deployment.policyDocuments[name]. */
  document?: unknown
  /** Defaults to the verifier the ProofX config names for `chainId`. */
  address?: Address | undefined
  /** Defaults to wagmi's current chain. */
  chainId?: number | undefined
}

export type GetPublishedPolicyData = GetPublishedPolicyReturnType

/** Identifies the document in the key without bigints (TanStack hashes keys as JSON). */
const documentKey = (document: unknown) =>
  document === undefined ? undefined : JSON.stringify(document, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))

export function getPublishedPolicyQueryKey({ document, address, chainId }: GetPublishedPolicyOptions) {
  return ['proofx', 'publishedPolicy', { document: documentKey(document), address, chainId }] as const
}

export type GetPublishedPolicyQueryKey = ReturnType<typeof getPublishedPolicyQueryKey>

/** TanStack query options reading a published policy and checking its hash against the contract (through wagmi's public client). */
export function getPublishedPolicyQueryOptions(wagmiConfig: Config, proofxConfig: ProofXConfig, options: GetPublishedPolicyOptions) {
  return {
    queryKey: getPublishedPolicyQueryKey(options),
    async queryFn() {
      if (options.document === undefined) throw new Error('document is required')
      const client = getPublicClient(wagmiConfig, { chainId: options.chainId })
      if (!client) throw new Error(`No wagmi public client for chain ${options.chainId}`)
      const address = options.address ?? proofxConfig.getVerifierAddress(client.chain.id)
      return getPublishedPolicy(client, { address, document: options.document })
    },
  } as const satisfies QueryOptions<GetPublishedPolicyData, GetPublishedPolicyErrorType, GetPublishedPolicyData, GetPublishedPolicyQueryKey>
}
