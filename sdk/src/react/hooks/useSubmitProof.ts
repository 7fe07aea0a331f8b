import { useMutation, type UseMutationOptions } from '@tanstack/react-query'
import { useConfig } from 'wagmi'
import type { SubmitProofErrorType } from '../../actions/submit-proof.js'
import { submitProofMutationOptions, type SubmitProofData, type SubmitProofVariables } from '../../query/submitProof.js'
import { useProofXConfig } from './useProofXConfig.js'

export type UseSubmitProofParameters = {
  mutation?: Omit<UseMutationOptions<SubmitProofData, SubmitProofErrorType, SubmitProofVariables>, 'mutationFn' | 'mutationKey'> | undefined
}

/**
 * Submits a proof with the connected wagmi wallet and resolves once it is mined
 * (`data`: hash, receipt, validUntil). Contract reverts arrive as typed SDK errors.
 * @example
 * const { submitProof, data, error } = useSubmitProof()
 * submitProof({ policyId: 1n, proof })
 */
export function useSubmitProof(parameters: UseSubmitProofParameters = {}) {
  const options = submitProofMutationOptions(useConfig(), useProofXConfig())
  const mutation = useMutation({ ...parameters.mutation, ...options })
  return { ...mutation, submitProof: mutation.mutate, submitProofAsync: mutation.mutateAsync }
}
