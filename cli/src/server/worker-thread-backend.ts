import { availableParallelism } from 'node:os'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { readFile } from 'node:fs/promises'
import { ProofGenerationError, WorkerCrashedError, buildCircuitInput } from '@proofx/sdk'
import type { ProofBackend, ProofBackendResult, ProofJob } from './proof-backend.js'

export type WorkerThreadBackendOptions = {
  /** compliance.wasm and compliance.zkey; read once, shared read-only with every worker. */
  wasmPath: string
  zkeyPath: string
  /** Default: one worker per core. */
  size?: number | undefined
}

// The worker body is plain JS so it runs the same under tsx, vitest and the compiled CLI.
// Each worker proves single-threaded: the pool, not ffjavascript, spreads work over the cores.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { pathToFileURL } = require('node:url')
const snarkjs = import(pathToFileURL(workerData.snarkjsPath).href)
parentPort.on('message', async ({ id, input }) => {
  try {
    const { groth16 } = await snarkjs
    const { proof, publicSignals } = await groth16.fullProve(input, { type: 'mem', data: workerData.wasm }, { type: 'mem', data: workerData.zkey }, undefined, undefined, { singleThread: true })
    parentPort.postMessage({ id, proof, publicSignals })
  } catch (error) {
    parentPort.postMessage({ id, error: { name: error && error.name, message: String(error && error.message || error) } })
  }
})
parentPort.postMessage({ ready: true })
`

type Slot = { worker: Worker; busy: boolean; ready: Promise<void> }
type Pending = { resolve: (r: ProofBackendResult) => void; reject: (e: unknown) => void }

/**
 * A fixed pool of worker_threads running snarkjs. The caller (the server's bounded queue) never
 * hands it more jobs than `size`, so each job finds an idle worker. A crashed worker is replaced.
 */
export function createWorkerThreadBackend({ wasmPath, zkeyPath, size = availableParallelism() }: WorkerThreadBackendOptions): ProofBackend {
  const snarkjsPath = createRequire(import.meta.url).resolve('snarkjs')
  let artifacts: Promise<{ wasm: Uint8Array; zkey: Uint8Array }> | undefined
  const load = () =>
    (artifacts ??= Promise.all([readFile(wasmPath), readFile(zkeyPath)]).then(([wasm, zkey]) => ({ wasm: new Uint8Array(wasm), zkey: new Uint8Array(zkey) })))
  const slots: Slot[] = []
  const pending = new Map<number, Pending>()
  const owner = new Map<number, Slot>()
  let nextId = 0
  let closed = false

  const spawn = async (): Promise<Slot> => {
    const { wasm, zkey } = await load()
    const worker = new Worker(WORKER_SOURCE, {
      eval: true, // `mod`: snarkjs loads the web-worker package, which in any worker thread runs workerData.mod.
      workerData: { snarkjsPath, wasm, zkey, mod: 'data:text/javascript,' },
    })
    worker.unref()
    const slot: Slot = {
      worker,
      busy: false,
      ready: new Promise((resolve, reject) => {
        worker.once('message', () => resolve())
        worker.once('error', reject)
      }),
    }
    worker.on('message', (msg: { id?: number; proof?: ProofBackendResult['proof']; publicSignals?: string[]; error?: { message: string } }) => {
      if (msg.id === undefined) return
      const p = pending.get(msg.id)
      pending.delete(msg.id)
      owner.delete(msg.id)
      slot.busy = false
      if (!p) return
      if (msg.error) p.reject(new ProofGenerationError({ stage: 'computing the witness or the proof', cause: new Error(msg.error.message) }))
      else p.resolve({ proof: msg.proof!, publicSignals: msg.publicSignals! })
    })
    worker.on('exit', (code) => {
      for (const [id, s] of owner)
        if (s === slot) {
          pending.get(id)?.reject(new WorkerCrashedError({ reason: `worker exited with code ${code}` }))
          pending.delete(id)
          owner.delete(id)
        }
      const i = slots.indexOf(slot)
      if (i >= 0) slots.splice(i, 1)
      if (!closed)
        spawn().then(
          (s) => slots.push(s),
          () => {},
        )
    })
    return slot
  }

  let warm: Promise<void> | undefined
  const warmup = () =>
    (warm ??= (async () => {
      const started = await Promise.all(Array.from({ length: size }, spawn))
      slots.push(...started)
      await Promise.all(started.map((s) => s.ready))
    })())

  return {
    size,
    warmup,
    async prove(job: ProofJob) {
      await warmup()
      const input = buildCircuitInput({ credential: job.credential, policy: job.policy, now: job.now, scope: job.scope })
      const slot = slots.find((s) => !s.busy)
      if (!slot) throw new WorkerCrashedError({ reason: 'no idle worker (the queue in front must not exceed the pool size)' })
      await slot.ready
      slot.busy = true
      const id = nextId++
      return new Promise<ProofBackendResult>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        owner.set(id, slot)
        slot.worker.postMessage({ id, input })
      })
    },
    async close() {
      closed = true
      await Promise.all(slots.map((s) => s.worker.terminate()))
    },
  }
}
