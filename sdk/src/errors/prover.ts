import { ProofXError } from './base.js'

export type ProofCancelledErrorType = ProofCancelledError & { name: 'ProofCancelledError' }
/** The caller aborted the proof; the worker was torn down and a fresh one will serve the next call. */
export class ProofCancelledError extends ProofXError {
  override name = 'ProofCancelledError' as const
  constructor({ cause }: { cause?: unknown } = {}) {
    super('The proof was cancelled.', { cause, details: 'The AbortSignal fired before the proof was ready.' })
  }
}

export type ProofTimeoutErrorType = ProofTimeoutError & { name: 'ProofTimeoutError' }
/** The proof took longer than `timeout`; the worker was torn down. */
export class ProofTimeoutError extends ProofXError {
  override name = 'ProofTimeoutError' as const
  readonly timeout: number
  constructor({ timeout }: { timeout: number }) {
    super(`The proof did not finish within ${timeout} ms.`, {
      metaMessages: ['Raise `timeout`, preload the artifacts with `prover.preload()`, or close other heavy tabs.'],
    })
    this.timeout = timeout
  }
}

export type WorkerCrashedErrorType = WorkerCrashedError & { name: 'WorkerCrashedError' }
/** The proving worker died (out of memory, killed, failed to load); the next call starts a new one. */
export class WorkerCrashedError extends ProofXError {
  override name = 'WorkerCrashedError' as const
  constructor({ reason, cause }: { reason: string; cause?: unknown }) {
    super('The proving worker stopped unexpectedly.', { details: reason, cause, metaMessages: ['Retry: a fresh worker is started for the next proof.'] })
  }
}

export type ProverDisposedErrorType = ProverDisposedError & { name: 'ProverDisposedError' }
/** `prove` was called after `dispose()`. */
export class ProverDisposedError extends ProofXError {
  override name = 'ProverDisposedError' as const
  constructor() {
    super('This prover was disposed.', { metaMessages: ['Create a new prover with createProver().'] })
  }
}

export type ProofGenerationErrorType = ProofGenerationError & { name: 'ProofGenerationError' }
/** snarkjs failed for a reason validation did not foresee (e.g. a witness assertion). */
export class ProofGenerationError extends ProofXError {
  override name = 'ProofGenerationError' as const
  constructor({ stage, cause }: { stage: string; cause?: unknown }) {
    super(`Proof generation failed while ${stage}.`, { cause })
  }
}
