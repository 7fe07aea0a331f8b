import { useMutation, type UseMutationOptions } from '@tanstack/react-query'
import { useCallback, useContext, useRef, useState } from 'react'
import { WagmiContext } from 'wagmi'
import type { ProveErrorType } from '../../prover/create-prover.js'
import { proveMutationOptions, type ProveData, type ProveProgress, type ProveVariables } from '../../query/prove.js'
import { useProofXConfig } from './useProofXConfig.js'

export type UseProveParameters = {
  mutation?: Omit<UseMutationOptions<ProveData, ProveErrorType, ProveVariables>, 'mutationFn' | 'mutationKey'> | undefined
}

/**
 * Proves on this device in the SDK's worker. Besides TanStack's mutation state it returns the
 * live `progress` (stage + elapsed ms) and `cancel()`, which tears the worker down. Timings per
 * stage arrive with the result (`data.timings`). Inside a WagmiProvider it reads the verifier's `vkeyHash()` first,
 * so a prover with several artifact sets proves with the one the contract verifies against.
 * @example
 * const published = usePublishedPolicy({ document: deployment.policyDocuments.accredited })
 * const { prove, progress, data, error, cancel } = useProve()
 * if (published.data) prove({ credential, policy: published.data.policy, subject: address, chainId })
 */
export function useProve(parameters: UseProveParameters = {}) {
  const config = useProofXConfig()
  const [progress, setProgress] = useState<ProveProgress | undefined>()
  const controller = useRef<AbortController | undefined>(undefined)
  // Optional: inside a WagmiProvider the verifier's vkeyHash() picks the prover's artifact set before each proof.
  const wagmiConfig = useContext(WagmiContext)
  const options = proveMutationOptions(config, {
    wagmiConfig,
    onProgress: setProgress,
    getSignal: () => {
      controller.current = new AbortController()
      return controller.current.signal
    },
  })
  const mutation = useMutation({ ...parameters.mutation, ...options })
  const cancel = useCallback((): void => {
    controller.current?.abort()
  }, [])
  const reset = useCallback(() => {
    setProgress(undefined)
    mutation.reset()
  }, [mutation.reset])
  return { ...mutation, reset, progress, cancel, prove: mutation.mutate, proveAsync: mutation.mutateAsync }
}
