import type * as Comlink from 'comlink'

/** A started worker, whatever the platform: a Comlink endpoint, a way to end it, and news of its death. */
export type WorkerHandle = {
  endpoint: Comlink.Endpoint
  /** Resolves when the worker has exposed its API (it posts READY_MESSAGE). */
  ready: Promise<void>
  /** Rejects when the worker dies on its own (crash, failed load, exit). */
  died: Promise<never>
  terminate(): Promise<void>
  /** Node: keep the process alive only while a call is running. No-op in browsers. */
  setBusy(busy: boolean): void
}

export type SpawnWorker = () => WorkerHandle

/**
 * What the worker posts once its API is exposed. A module worker that awaits imports drops messages
 * that arrive before its listener exists, so the main thread waits for this before its first call.
 */
export const READY_MESSAGE = 'proofx-prover-ready'
export const isReadyMessage = (data: unknown) => (data as { type?: unknown } | null)?.type === READY_MESSAGE
