import { useQuery, type UseQueryOptions } from '@tanstack/react-query'
import { useChainId, useConfig } from 'wagmi'
import type { GetPublishedPolicyErrorType } from '../../actions/get-published-policy.js'
import {
  getPublishedPolicyQueryOptions,
  type GetPublishedPolicyData,
  type GetPublishedPolicyOptions,
  type GetPublishedPolicyQueryKey,
} from '../../query/getPublishedPolicy.js'
import { useProofXConfig } from './useProofXConfig.js'

export type UsePublishedPolicyParameters = GetPublishedPolicyOptions & {
  query?:
    | Omit<UseQueryOptions<GetPublishedPolicyData, GetPublishedPolicyErrorType, GetPublishedPolicyData, GetPublishedPolicyQueryKey>, 'queryKey' | 'queryFn'>
    | undefined
}

/**
 * A policy read from its published document and checked against the contract; `data.policy` is what to prove with.
 * A document whose hash the contract does not register ends in `error` (PolicyHashMismatchError), never in `data`.
 * @example
 * const { data, error } = usePublishedPolicy({ document: deployment.policyDocuments.accredited })
 * prove({ credential, policy: data.policy, subject: address, chainId })
 */
export function usePublishedPolicy(parameters: UsePublishedPolicyParameters = {}) {
  const { query, ...options } = parameters
  const chainId = useChainId()
  const resolved = { ...options, chainId: options.chainId ?? chainId }
  const queryOptions = getPublishedPolicyQueryOptions(useConfig(), useProofXConfig(), resolved)
  return useQuery({ ...query, ...queryOptions, enabled: resolved.document !== undefined && (query?.enabled ?? true) })
}
