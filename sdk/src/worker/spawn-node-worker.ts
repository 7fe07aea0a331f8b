/// <reference types="node" />
import type { Worker as NodeWorker } from 'node:worker_threads'
import type * as Comlink from 'comlink'
import { importNodeModule } from '../artifacts/is-node.js'
import { WorkerCrashedError } from '../errors/prover.js'
import { isReadyMessage, type WorkerHandle } from './worker-handle.js'

// From src (tsx, vitest) the worker is TypeScript: run it through tsx's loader. From dist it is plain JS.
// `moduleUrl` is not written inline in `new URL(…, import.meta.url)` on purpose: webpack reads that
// pattern as an asset reference and, the file name being computed, warns "Critical dependency" and
// pulls the whole folder into browser builds, where this Node-only module never runs.
const moduleUrl = import.meta.url
const fromSource = moduleUrl.endsWith('.ts')
const workerFile = `./prover.worker${fromSource ? '.ts' : '.js'}`

// Node 20 ignores `--import` in a worker's execArgv: register tsx inside the thread, then load the entry.
export async function spawnFromSource(Worker: typeof NodeWorker, entry: URL, name = 'proofx-prover'): Promise<NodeWorker> {
  const { createRequire } = await importNodeModule<typeof import('node:module')>('node:module')
  const { pathToFileURL } = await importNodeModule<typeof import('node:url')>('node:url')
  // require.resolve gives the CommonJS build; its ESM twin sits next to it.
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}) })`
  return new Worker(boot, { eval: true, name })
}

export type NodeWorkerHandle = WorkerHandle & { worker: NodeWorker }

/**
 * Starts the proving worker as a Node worker thread talking Comlink (comlink's node adapter).
 * `entry`: another module that ends up loading prover.worker (tests start the worker in a changed runtime).
 */
export async function spawnNodeWorker(entry?: URL): Promise<NodeWorkerHandle> {
  const { Worker } = await importNodeModule<typeof import('node:worker_threads')>('node:worker_threads')
  const { default: nodeEndpoint } = await importNodeModule<{ default: (port: NodeWorker) => Comlink.Endpoint }>('comlink/dist/esm/node-adapter.mjs')
  const workerUrl = entry ?? new URL(workerFile, moduleUrl)
  const worker = fromSource ? await spawnFromSource(Worker, workerUrl) : new Worker(workerUrl, { name: 'proofx-prover' })
  worker.unref()
  let terminated = false
  const died = new Promise<never>((_, reject) => {
    worker.on('error', (error) => reject(new WorkerCrashedError({ reason: error.message, cause: error })))
    worker.on('exit', (code) => {
      if (!terminated) reject(new WorkerCrashedError({ reason: `the worker thread exited with code ${code}` }))
    })
  })
  died.catch(() => {})
  const ready = new Promise<void>((resolve) => {
    const onMessage = (data: unknown) => {
      if (!isReadyMessage(data)) return
      worker.off('message', onMessage)
      resolve()
    }
    worker.on('message', onMessage)
  })
  return {
    worker,
    endpoint: nodeEndpoint(worker),
    ready,
    died,
    async terminate() {
      terminated = true
      await worker.terminate()
    },
    setBusy(busy) {
      if (busy) worker.ref()
      else worker.unref()
    },
  }
}
