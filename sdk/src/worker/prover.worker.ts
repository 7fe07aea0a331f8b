// Entry of the proving worker (a Web Worker in browsers, a worker thread in Node). It only exposes the
// API over Comlink, then posts READY_MESSAGE (the handshake the main thread waits for). No top-level
// await: bundlers may emit workers as classic scripts (Vite's default worker format is iife).
/// <reference types="node" />
import * as Comlink from 'comlink'
import { importNodeModule, isNode } from '../artifacts/is-node.js'
import { installErrorTransferHandler } from '../errors/transfer-handler.js'
import { shareCurveThreadBuffers } from './share-curve-thread-buffers.js'
import { READY_MESSAGE } from './worker-handle.js'

installErrorTransferHandler()

async function start() {
  if (isNode()) {
    const { parentPort } = await importNodeModule<typeof import('node:worker_threads')>('node:worker_threads')
    const { default: nodeEndpoint } = await importNodeModule<{ default: (port: unknown) => Comlink.Endpoint }>('comlink/dist/esm/node-adapter.mjs')
    const { createProverWorkerApi } = await importSnarkjsInWorkerThread(() => import('./prover-worker-api.js'))
    Comlink.expose(createProverWorkerApi(), nodeEndpoint(parentPort))
    parentPort!.postMessage({ type: READY_MESSAGE })
  } else {
    // Before snarkjs starts its curve threads (they are the only Workers this scope creates).
    shareCurveThreadBuffers()
    const { createProverWorkerApi } = await import('./prover-worker-api.js')
    Comlink.expose(createProverWorkerApi())
    ;(self as unknown as Worker).postMessage({ type: READY_MESSAGE })
  }
}

// A failed start must reach the main thread as the worker's `error` event (WorkerCrashedError there),
// not as an unhandled rejection nobody sees.
start().catch((error) =>
  setTimeout(() => {
    throw error
  }),
)

/**
 * snarkjs's curve threads come from the `web-worker` package, which decides at load time from
 * worker_threads.isMainThread whether it is the spawning side or one of its own spawned threads. In
 * our worker thread it would take the wrong branch and crash, so it loads while isMainThread reads true.
 */
async function importSnarkjsInWorkerThread<T>(load: () => Promise<T>): Promise<T> {
  const { createRequire } = await importNodeModule<typeof import('node:module')>('node:module')
  const threads = createRequire(import.meta.url)('node:worker_threads') as { isMainThread: boolean }
  const original = threads.isMainThread
  threads.isMainThread = true
  try {
    return await load()
  } finally {
    threads.isMainThread = original
  }
}
