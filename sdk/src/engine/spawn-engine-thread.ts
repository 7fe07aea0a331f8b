/// <reference types="node" />
import { importNodeModule, isNode } from '../artifacts/is-node.js'
import type { ThreadReply, ThreadRequest } from './thread-protocol.js'

/** A started helper thread: post requests, receive replies, end it. */
export type EngineThread = {
  post(request: ThreadRequest, transfer?: ArrayBuffer[]): void
  onReply(handler: (reply: ThreadReply) => void): void
  onFailure(handler: (error: Error) => void): void
  terminate(): Promise<void>
}

// From src (tsx, vitest) the entry is TypeScript; from dist it is JS (as for the proving worker).
const fromSource = import.meta.url.endsWith('.ts')

/** Starts the engine's helper thread: a module Web Worker in browsers, a worker thread in Node. */
export async function spawnEngineThread(): Promise<EngineThread> {
  if (isNode()) {
    const { Worker } = await importNodeModule<typeof import('node:worker_threads')>('node:worker_threads')
    const entry = new URL(`./engine-thread${fromSource ? '.ts' : '.js'}`, import.meta.url)
    const { spawnFromSource } = await import('../worker/spawn-node-worker.js')
    const worker = fromSource ? await spawnFromSource(Worker, entry, 'proofx-engine') : new Worker(entry, { name: 'proofx-engine' })
    worker.unref() // never keeps a process alive on its own
    return {
      post: (request, transfer) => worker.postMessage(request, transfer),
      onReply: (handler) => worker.on('message', handler),
      onFailure: (handler) => {
        worker.on('error', handler)
        worker.on('exit', (code) => handler(new Error(`the engine thread exited with code ${code}`)))
      },
      terminate: async () => {
        worker.removeAllListeners('exit')
        await worker.terminate()
      },
    }
  }
  const worker = new Worker(new URL('./engine-thread.js', import.meta.url), { type: 'module', name: 'proofx-engine' })
  return {
    post: (request, transfer) => worker.postMessage(request, transfer ?? []),
    onReply: (handler) => worker.addEventListener('message', (event) => handler(event.data)),
    onFailure: (handler) =>
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        handler(new Error(event.message || 'the engine thread failed'))
      }),
    terminate: async () => worker.terminate(),
  }
}
