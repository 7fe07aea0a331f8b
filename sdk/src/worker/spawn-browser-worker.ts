import { WorkerCrashedError } from '../errors/prover.js'
import { isReadyMessage, type WorkerHandle } from './worker-handle.js'

/** Starts the proving worker as a module Web Worker. Bundlers (Vite, webpack 5) follow this `new URL` pattern. */
export function spawnBrowserWorker(): WorkerHandle {
  const worker = new Worker(new URL('./prover.worker.js', import.meta.url), { type: 'module', name: 'proofx-prover' })
  return wrapBrowserWorker(worker)
}

/** Wraps a Worker you started yourself (e.g. with your bundler's `?worker` import). */
export function wrapBrowserWorker(worker: Worker): WorkerHandle {
  let terminated = false
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault()
      if (!terminated) reject(new WorkerCrashedError({ reason: event.message || 'the worker script failed to load or threw' }))
    })
    worker.addEventListener('messageerror', () => reject(new WorkerCrashedError({ reason: 'a message could not be deserialized' })))
  })
  died.catch(() => {})
  const ready = new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (!isReadyMessage(event.data)) return
      worker.removeEventListener('message', onMessage)
      resolve()
    }
    worker.addEventListener('message', onMessage)
  })
  return {
    endpoint: worker,
    ready,
    died,
    async terminate() {
      terminated = true
      worker.terminate()
    },
    setBusy() {},
  }
}
