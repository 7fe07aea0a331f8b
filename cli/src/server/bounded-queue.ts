import { ProofXError } from '@proofx/sdk'

export type QueueFullErrorType = QueueFullError & { name: 'QueueFullError' }
/** Every worker is busy and the waiting line is full: the caller should retry after `retryAfterSeconds`. */
export class QueueFullError extends ProofXError {
  override name = 'QueueFullError' as const
  readonly retryAfterSeconds: number
  constructor({ maxQueue, retryAfterSeconds }: { maxQueue: number; retryAfterSeconds: number }) {
    super(`The prover queue is full (${maxQueue} waiting).`, { metaMessages: [`Retry after ${retryAfterSeconds} s.`] })
    this.retryAfterSeconds = retryAfterSeconds
  }
}

export type QueueTimeoutErrorType = QueueTimeoutError & { name: 'QueueTimeoutError' }
/** The job did not finish within the per-request timeout (waiting and running included). */
export class QueueTimeoutError extends ProofXError {
  override name = 'QueueTimeoutError' as const
  readonly timeoutMs: number
  constructor({ timeoutMs, started }: { timeoutMs: number; started: boolean }) {
    super(`The proof request did not finish within ${timeoutMs} ms.`, {
      details: started ? 'The proof was still running.' : 'No worker became free in time.',
      metaMessages: ['Retry later; the service is busy.'],
    })
    this.timeoutMs = timeoutMs
  }
}

export type BoundedQueueOptions = {
  /** Jobs that run at once (the worker pool size). */
  concurrency: number
  /** Jobs that may wait; one more is refused with QueueFullError. */
  maxQueue: number
  /** Called whenever the waiting line changes length (for the queue-depth gauge). */
  onDepth?: ((depth: number) => void) | undefined
  /** Typical job time, for Retry-After. */
  estimateJobMs?: (() => number) | undefined
}

type Waiting = { start: () => void; cancel: () => void }

/**
 * A FIFO with a concurrency limit and a hard cap on waiting jobs, so load turns into fast 429s
 * instead of unbounded memory and latency. A job past its timeout is dropped if still waiting;
 * if already running its result is discarded (a worker cannot be interrupted mid-proof safely).
 */
export function createBoundedQueue({ concurrency, maxQueue, onDepth, estimateJobMs = () => 2000 }: BoundedQueueOptions) {
  let running = 0
  const waiting: Waiting[] = []
  const depth = () => onDepth?.(waiting.length)

  const next = () => {
    while (running < concurrency && waiting.length > 0) waiting.shift()!.start()
    depth()
  }

  const retryAfterSeconds = () => Math.max(1, Math.ceil(((waiting.length + 1) * estimateJobMs()) / concurrency / 1000))

  function run<T>(job: () => Promise<T>, { timeoutMs }: { timeoutMs: number }): Promise<T> {
    if (running >= concurrency && waiting.length >= maxQueue) {
      return Promise.reject(new QueueFullError({ maxQueue, retryAfterSeconds: retryAfterSeconds() }))
    }
    return new Promise<T>((resolve, reject) => {
      let started = false
      let settled = false
      const settle = (fn: () => void) => {
        if (!settled) {
          settled = true
          clearTimeout(timer)
          fn()
        }
      }
      const entry: Waiting = {
        start: () => {
          started = true
          running++
          job()
            .then(
              (value) => settle(() => resolve(value)),
              (error) => settle(() => reject(error)),
            )
            .finally(() => {
              running--
              next()
            })
        },
        cancel: () => {
          const i = waiting.indexOf(entry)
          if (i >= 0) {
            waiting.splice(i, 1)
            depth()
          }
        },
      }
      const timer = setTimeout(
        () =>
          settle(() => {
            if (!started) entry.cancel()
            reject(new QueueTimeoutError({ timeoutMs, started }))
          }),
        timeoutMs,
      )
      waiting.push(entry)
      next()
    })
  }

  return {
    run,
    retryAfterSeconds,
    get running() {
      return running
    },
    get waiting() {
      return waiting.length
    },
  }
}

export type BoundedQueue = ReturnType<typeof createBoundedQueue>
