import { ProofCancelledError, ProofTimeoutError } from '../errors/prover.js'

export type RaceCallOptions = { signal?: AbortSignal | undefined; timeout?: number | undefined; died: Promise<never> }

/**
 * Settles with `work`, or rejects first with ProofCancelledError (signal), ProofTimeoutError (timeout)
 * or the worker's death. The caller tears the worker down on any of those.
 */
export function raceCall<T>(work: Promise<T>, { signal, timeout, died }: RaceCallOptions): Promise<T> {
  // Whichever wins, the others may still reject later (e.g. `died` on dispose): never unobserved.
  work.catch(() => {})
  died.catch(() => {})
  if (signal?.aborted) return Promise.reject(new ProofCancelledError({ cause: signal.reason }))
  let cleanup = () => {}
  const stop = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new ProofCancelledError({ cause: signal?.reason }))
    const timer =
      timeout !== undefined && timeout > 0 && Number.isFinite(timeout) ? setTimeout(() => reject(new ProofTimeoutError({ timeout })), timeout) : undefined
    signal?.addEventListener('abort', onAbort, { once: true })
    cleanup = () => {
      if (timer !== undefined) clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  })
  return Promise.race([work, stop, died]).finally(() => cleanup())
}
