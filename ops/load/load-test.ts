// Bounded load test of `proofx serve` on loopback: N requests, C at a time, a hard time cap.
//   node --conditions=@proofx/source --import tsx ops/load/load-test.ts --requests 40 --concurrency 8 --max-seconds 120 [--url http://127.0.0.1:8080]
// Without --url it starts the service in-process (loopback, random port) with --workers, --max-queue and --engine
// (proofx, the default, or snarkjs); it is ready once every worker has run its warm-up proof.
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createProverServer, createSdkProverBackend } from '@proofx/cli'
import type { ProvingEngine } from '@proofx/sdk'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'

export type LoadTestOptions = {
  url?: string | undefined
  requests: number
  concurrency: number
  maxSeconds: number
  workers?: number | undefined
  maxQueue?: number | undefined
  engine?: ProvingEngine | undefined
}

export type LoadTestReport = {
  requests: number
  concurrency: number
  completed: number
  notSent: number
  wallSeconds: number
  throughputPerSecond: number
  latencyMs: { p50: number; p95: number; max: number }
  errorRate: number
  status: Record<string, number>
  retryAfterSeconds: number[]
  server: { workers: number; maxQueue: number; engine: ProvingEngine } | undefined
}

const SUBJECT = '0x70997970C51812Dc3A010c7D01B50E20D17Dc79C'
const VERIFIER = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const artifacts = fileURLToPath(new URL('../../circuits/artifacts/', import.meta.url))
export const serviceArtifacts = {
  wasm: `${artifacts}compliance.wasm`,
  zkey: `${artifacts}compliance.zkey`,
  vkey: `${artifacts}verification_key.json`,
  manifest: `${artifacts}manifest.json`,
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0)

export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestReport> {
  let url = options.url
  let close: (() => Promise<void>) | undefined
  let server: LoadTestReport['server']
  if (!url) {
    const workers = options.workers ?? availableParallelism()
    const maxQueue = options.maxQueue ?? workers * 2
    const engine = options.engine ?? 'proofx'
    const app = await createProverServer({
      backend: createSdkProverBackend({ artifacts: serviceArtifacts, size: workers, engine }),
      chainId: 31337,
      verifier: VERIFIER,
      maxQueue,
      logger: false,
    })
    url = await app.listen({ host: '127.0.0.1', port: 0 })
    close = () => app.close()
    server = { workers, maxQueue, engine }
    for (let i = 0; i < 600; i++) {
      if ((await fetch(`${url}/readyz`)).ok) break
      if (i === 599) throw new Error('the service did not become ready within 60 s')
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  // Sign every credential before the clock starts: the issuer's work is not the prover's.
  const bodies = Array.from({ length: options.requests }, () => JSON.stringify(demoProofRequest({ subject: SUBJECT }).body))
  const deadline = AbortSignal.timeout(options.maxSeconds * 1000)
  const latencies: number[] = []
  const status: Record<string, number> = {}
  const retryAfter: number[] = []
  let next = 0
  let completed = 0
  const started = performance.now()

  const worker = async () => {
    while (next < bodies.length && !deadline.aborted) {
      const body = bodies[next++]!
      const t0 = performance.now()
      let code: string
      try {
        const res = await fetch(`${url}/v1/proofs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: deadline })
        await res.arrayBuffer()
        code = String(res.status)
        if (res.status === 429 || res.status === 503) retryAfter.push(Number(res.headers.get('retry-after')))
        if (res.ok) latencies.push(performance.now() - t0)
      } catch {
        code = deadline.aborted ? 'time-cap' : 'network'
      }
      status[code] = (status[code] ?? 0) + 1
      completed++
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  const wallSeconds = (performance.now() - started) / 1000
  await close?.()

  const sorted = latencies.sort((a, b) => a - b)
  const ok = status['200'] ?? 0
  return {
    requests: options.requests,
    concurrency: options.concurrency,
    completed,
    notSent: bodies.length - next,
    wallSeconds: Math.round(wallSeconds * 100) / 100,
    throughputPerSecond: Math.round((ok / wallSeconds) * 100) / 100,
    latencyMs: { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), max: Math.round(sorted.at(-1) ?? 0) },
    errorRate: completed ? Math.round(((completed - ok) / completed) * 10_000) / 10_000 : 0,
    status,
    retryAfterSeconds: [...new Set(retryAfter)].sort((a, b) => a - b),
    server,
  }
}

function parseEngine(value: string | undefined): ProvingEngine {
  if (value === 'proofx' || value === 'snarkjs') return value
  throw new Error('--engine must be proofx or snarkjs')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      requests: { type: 'string', default: '24' },
      concurrency: { type: 'string', default: '8' },
      'max-seconds': { type: 'string', default: '120' },
      workers: { type: 'string' },
      'max-queue': { type: 'string' },
      engine: { type: 'string', default: 'proofx' },
    },
  })
  const report = await runLoadTest({
    url: values.url,
    requests: Number(values.requests),
    concurrency: Number(values.concurrency),
    maxSeconds: Number(values['max-seconds']),
    workers: values.workers ? Number(values.workers) : undefined,
    maxQueue: values['max-queue'] ? Number(values['max-queue']) : undefined,
    engine: parseEngine(values.engine),
  })
  console.log(JSON.stringify(report, null, 2))
  process.exit(0)
}
