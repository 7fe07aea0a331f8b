// The prover service (`proofx serve`'s server and worker-thread pool, in-process on loopback): throughput
// and latency at 1, 2 and 4 concurrent clients, with ops/load/load-test.ts as the client.
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { runLoadTest, type LoadTestReport } from '../../ops/load/load-test.js'
import { createProverServer, createWorkerThreadBackend } from '@proofx/cli'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { waitUntilReady } from '@proofx/test-helpers/wait-until'

const artifacts = fileURLToPath(new URL('../../circuits/artifacts/', import.meta.url))
const VERIFIER = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const SUBJECT = '0x70997970C51812Dc3A010c7D01B50E20D17Dc79C'

export type ServiceLevel = Pick<
  LoadTestReport,
  'concurrency' | 'requests' | 'completed' | 'wallSeconds' | 'throughputPerSecond' | 'latencyMs' | 'errorRate' | 'status'
>
export type ServiceBenchResult = { workers: number; maxQueue: number; levels: ServiceLevel[] }

export async function runServiceBench(requestsPerClient: number, maxSecondsPerLevel: number, log: (line: string) => void): Promise<ServiceBenchResult> {
  const workers = availableParallelism()
  // Queue room for the 4-client level so the figures are latency, not 429s.
  const maxQueue = Math.max(workers * 2, 4)
  const app = await createProverServer({
    backend: createWorkerThreadBackend({ wasmPath: `${artifacts}compliance.wasm`, zkeyPath: `${artifacts}compliance.zkey`, size: workers }),
    chainId: 31337,
    verifier: VERIFIER,
    maxQueue,
    requestTimeoutMs: maxSecondsPerLevel * 1000,
    logger: false,
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  try {
    await waitUntilReady(url)
    // One proof per worker first: each worker thread builds its curve and compiles the witness wasm once.
    await Promise.all(
      Array.from({ length: workers }, () =>
        fetch(`${url}/v1/proofs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(demoProofRequest({ subject: SUBJECT }).body),
        }).then((r) => r.arrayBuffer()),
      ),
    )
    const levels: ServiceLevel[] = []
    for (const concurrency of [1, 2, 4]) {
      const report = await runLoadTest({ url, requests: requestsPerClient * concurrency, concurrency, maxSeconds: maxSecondsPerLevel })
      const { requests, completed, wallSeconds, throughputPerSecond, latencyMs, errorRate, status } = report
      levels.push({ concurrency, requests, completed, wallSeconds, throughputPerSecond, latencyMs, errorRate, status })
      log(`service c=${concurrency}: ${throughputPerSecond} proofs/s, p50 ${latencyMs.p50} ms, p95 ${latencyMs.p95} ms, status ${JSON.stringify(status)}`)
    }
    return { workers, maxQueue, levels }
  } finally {
    await app.close()
  }
}
