import type * as Comlink from 'comlink'

/** A started worker, whatever the platform: a Comlink endpoint, a way to end it, and news of its death. */
export type WorkerHandle = {
  endpoint: Comlink.Endpoint
  /** Rejects when the worker dies on its own (crash, failed load, exit). */
  died: Promise<never>
  terminate(): Promise<void>
  /** Node: keep the process alive only while a call is running. No-op in browsers. */
  setBusy(busy: boolean): void
}

export type SpawnWorker = () => WorkerHandle
