import { useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useChainId, useConfig, usePublicClient } from 'wagmi'
import type { GetComplianceStatusErrorType } from '../../actions/get-compliance-status.js'
import { watchCredentialRevoked } from '../../actions/watch-credential-revoked.js'
import { watchProofVerified } from '../../actions/watch-proof-verified.js'
import {
  getComplianceStatusQueryOptions,
  type GetComplianceStatusData,
  type GetComplianceStatusOptions,
  type GetComplianceStatusQueryKey,
} from '../../query/getComplianceStatus.js'
import { useProofXConfig } from './useProofXConfig.js'

export type UseComplianceStatusParameters = GetComplianceStatusOptions & {
  /** Refetch when the verifier emits ProofVerified for this subject, or CredentialRevoked (default true). */
  watch?: boolean | undefined
  query?:
    | Omit<UseQueryOptions<GetComplianceStatusData, GetComplianceStatusErrorType, GetComplianceStatusData, GetComplianceStatusQueryKey>, 'queryKey' | 'queryFn'>
    | undefined
}

/**
 * Reads whether `subject` is compliant with `policyId` (and until when), and refreshes when a
 * ProofVerified event for the subject arrives or a credential is revoked (that event names no subject).
 * @example
 * const { data } = useComplianceStatus({ subject: address, policyId: 1n })
 * data?.compliant && `Compliant until ${new Date(Number(data.validUntil) * 1000)}`
 */
export function useComplianceStatus(parameters: UseComplianceStatusParameters = {}) {
  const { watch = true, query, ...options } = parameters
  const chainId = useChainId()
  const proofxConfig = useProofXConfig()
  const resolved = { ...options, chainId: options.chainId ?? chainId }
  const queryOptions = getComplianceStatusQueryOptions(useConfig(), proofxConfig, resolved)
  const enabled = Boolean(resolved.subject && resolved.policyId !== undefined && (query?.enabled ?? true))
  const result = useQuery({ ...query, ...queryOptions, enabled })

  const client = usePublicClient({ chainId: resolved.chainId })
  const queryClient = useQueryClient()
  const address = resolved.address ?? proofxConfig.verifiers[resolved.chainId]
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by values (policyId as a string), not by the per-render objects resolved and queryOptions
  useEffect(() => {
    if (!watch || !enabled || !client || !address) return
    const refetch = () => queryClient.invalidateQueries({ queryKey: queryOptions.queryKey })
    const unwatchProofs = watchProofVerified(client, { address, subject: resolved.subject, policyId: resolved.policyId, onEvents: refetch })
    const unwatchRevocations = watchCredentialRevoked(client, { address, onEvents: refetch })
    return () => {
      unwatchProofs()
      unwatchRevocations()
    }
  }, [watch, enabled, client, address, resolved.subject, resolved.policyId?.toString(), queryClient])
  return result
}
