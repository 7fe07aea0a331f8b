import { useMutation, type UseMutationOptions } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import type { ProveErrorType } from '../../prover/create-prover.js'
import { proveMutationOptions, type ProveData, type ProveProgress, type ProveVariables } from '../../query/prove.js'
import { useProofXConfig } from './useProofXConfig.js'

export type UseProveParameters = {
  mutation?: Omit<UseMutationOptions<ProveData, ProveErrorType, ProveVariables>, 'mutationFn' | 'mutationKey'> | undefined
}

/**
 * Proves on this device in the SDK's worker. Besides TanStack's mutation state it returns the
 * live `progress` (stage + elapsed ms) and `cancel()`, which tears the worker down. Timings per
 * stage arrive with the result (`data.timings`).
 * @example
 * const { prove, progress, data, error, cancel } = useProve()
 * prove({ credential, policy: DEMO_POLICIES.accredited, subject: address, chainId })
 */
export function useProve(parameters: UseProveParameters = {}) {
  const config = useProofXConfig()
  const [progress, setProgress] = useState<ProveProgress | undefined>()
  const controller = useRef<AbortController | undefined>(undefined)
  const options = proveMutationOptions(config, {
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
