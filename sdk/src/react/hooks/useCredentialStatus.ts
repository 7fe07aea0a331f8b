import { useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useChainId, useConfig, usePublicClient } from 'wagmi'
import type { GetCredentialStatusErrorType } from '../../actions/get-credential-status.js'
import { watchCredentialRevoked } from '../../actions/watch-credential-revoked.js'
import {
  getCredentialStatusQueryOptions,
  type GetCredentialStatusData,
  type GetCredentialStatusOptions,
  type GetCredentialStatusQueryKey,
} from '../../query/getCredentialStatus.js'
import { useProofXConfig } from './useProofXConfig.js'

export type UseCredentialStatusParameters = GetCredentialStatusOptions & {
  /** Refetch when the verifier emits CredentialRevoked for the credential's issuer (default true). */
  watch?: boolean | undefined
  query?:
    | Omit<UseQueryOptions<GetCredentialStatusData, GetCredentialStatusErrorType, GetCredentialStatusData, GetCredentialStatusQueryKey>, 'queryKey' | 'queryFn'>
    | undefined
}

/**
 * Reads whether a stored credential is revoked (or its issuer untrusted) on the verifier, and refreshes when the
 * issuer revokes one of its credentials.
 * @example
 * const { data } = useCredentialStatus({ credential })
 * data?.status === 'revoked' && 'Your issuer revoked this credential'
 */
export function useCredentialStatus(parameters: UseCredentialStatusParameters = {}) {
  const { watch = true, query, ...options } = parameters
  const chainId = useChainId()
  const proofxConfig = useProofXConfig()
  const resolved = { ...options, chainId: options.chainId ?? chainId }
  const queryOptions = getCredentialStatusQueryOptions(useConfig(), proofxConfig, resolved)
  const enabled = Boolean(resolved.credential && (query?.enabled ?? true))
  const result = useQuery({ ...query, ...queryOptions, enabled })

  const client = usePublicClient({ chainId: resolved.chainId })
  const queryClient = useQueryClient()
  const address = resolved.address ?? proofxConfig.verifiers[resolved.chainId]
  const issuerKeyHash = queryOptions.queryKey[2].issuerKeyHash
  useEffect(() => {
    if (!watch || !enabled || !client || !address || issuerKeyHash === undefined) return
    return watchCredentialRevoked(client, {
      address,
      issuerKeyHash: BigInt(issuerKeyHash),
      onEvents: () => queryClient.invalidateQueries({ queryKey: ['proofx', 'credentialStatus', { issuerKeyHash }] }),
    })
  }, [watch, enabled, client, address, issuerKeyHash, queryClient])
  return result
}
