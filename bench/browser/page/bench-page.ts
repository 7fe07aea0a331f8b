// The bench page: the SDK (createProver: Web Worker + Comlink, Cache API) and plain snarkjs
// (main thread and a bare worker) side by side, driven from Node through window.proofxBench.
import * as snarkjs from 'snarkjs'
import { artifactSourcesAt, createProver, type Prover, type ArtifactSources, type ProofTimings, type ProvingEngine } from '@proofx/sdk'
import { sampleCircuitInput, sampleProveArgs } from '../../lib/sample-proof-input.js'

const artifactUrl = (file: string) => new URL(`/artifacts/${file}`, location.origin).href
const artifacts: ArtifactSources = artifactSourcesAt(artifactUrl)
const CACHE = 'proofx-bench'
const args = sampleProveArgs()
const input = sampleCircuitInput()

// One SDK prover with the default engine, and one per explicitly chosen engine (the side-by-side series).
const provers = new Map<ProvingEngine | 'default', Prover>()
let bytes: { wasm: Uint8Array; zkey: Uint8Array } | undefined
let plainWorker: Worker | undefined
let lastClick: { ms: number; timings: ProofTimings; verified: boolean } | { error: string } | undefined

function sdk(engine?: ProvingEngine): Prover {
  const key = engine ?? 'default'
  let prover = provers.get(key)
  if (!prover) {
    prover = createProver({ artifacts, cache: CACHE, engine })
    provers.set(key, prover)
  }
  return prover
}

function askWorker<T>(worker: Worker, message: unknown, transfer: Transferable[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event) => (event.data.ok ? resolve(event.data as T) : reject(new Error(event.data.error)))
    worker.onerror = (event) => reject(new Error(event.message))
    worker.postMessage(message, transfer)
  })
}

async function loadBytes() {
  const get = async (file: string) => new Uint8Array(await (await fetch(artifactUrl(file))).arrayBuffer())
  bytes ??= { wasm: await get('compliance.wasm'), zkey: await get('compliance.zkey') }
  return bytes
}

const api = {
  /** First proof on a cold page, no preload: worker start, download, curve, witness, proof, verify. */
  async sdkColdProve() {
    const started = performance.now()
    const result = await sdk().prove(args)
    return { callMs: performance.now() - started, sinceNavigationMs: performance.now(), timings: result.timings }
  },
  async sdkPreload(warmUpProofs?: number) {
    const started = performance.now()
    const pre = await sdk().preload({ warmUpProofs })
    return { ms: performance.now() - started, loadArtifacts: pre.loadArtifacts, warmCurve: pre.warmCurve }
  },
  /** A warm proof through the SDK with the default engine, or with the one named. */
  async sdkProve(engine?: ProvingEngine) {
    return (await sdk(engine).prove(args)).timings
  },
  /** Arms the button: a click proves (the SDK verifies in its worker) and records click-to-verified time. */
  armClick() {
    lastClick = undefined
    const button = document.querySelector<HTMLButtonElement>('#prove')!
    button.onclick = async (event) => {
      try {
        const result = await sdk().prove(args)
        const ms = performance.now() - event.timeStamp
        lastClick = { ms, timings: result.timings, verified: true }
        document.querySelector('#status')!.textContent = `verified in ${Math.round(ms)} ms`
      } catch (error) {
        lastClick = { error: String(error) }
      }
    }
  },
  lastClick: () => lastClick,
  /** Plain fullProve on the main thread with URLs: snarkjs downloads both files and builds its curve. */
  async plainColdUrlProve() {
    const started = performance.now()
    await snarkjs.groth16.fullProve(input, artifacts.wasm as string, artifacts.zkey as string)
    return performance.now() - started
  },
  async plainMainProve() {
    const { wasm, zkey } = await loadBytes()
    const started = performance.now()
    await snarkjs.groth16.fullProve(input, wasm, zkey)
    return performance.now() - started
  },
  async plainWorkerStart() {
    const { wasm, zkey } = await loadBytes()
    plainWorker ??= new Worker(new URL('./plain-worker.ts', import.meta.url), { type: 'module', name: 'plain-snarkjs' })
    await askWorker(plainWorker, { type: 'artifacts', wasm: wasm.slice(), zkey: zkey.slice() })
  },
  /** ms inside the worker and round trip seen by the page. */
  async plainWorkerProve() {
    const started = performance.now()
    const { ms } = await askWorker<{ ms: number }>(plainWorker!, { type: 'prove', input })
    return { inWorker: ms, roundTrip: performance.now() - started }
  },
  async dispose() {
    await Promise.all([...provers.values()].map((p) => p.dispose()))
    provers.clear()
    plainWorker?.terminate()
    plainWorker = undefined
    const curve = (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128
    if (curve) await curve.terminate()
  },
}

export type BenchPageApi = typeof api
;(globalThis as unknown as { proofxBench: BenchPageApi }).proofxBench = api
document.querySelector('#status')!.textContent = 'ready'
