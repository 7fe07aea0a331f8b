// The prover service (`proofx serve`'s server and its pool of SDK provers, in-process on loopback): throughput
// and latency at 1, 2 and 4 concurrent clients, with ops/load/load-test.ts as the client; the same pool on
// ProofX's engine and on snarkjs, one after the other in the same run.
import { availableParallelism } from 'node:os'
import { runLoadTest, serviceArtifacts, type LoadTestReport } from '../../ops/load/load-test.js'
import { createProverServer, createSdkProverBackend } from '@proofx/cli'
import type { ProvingEngine } from '@proofx/sdk'

const VERIFIER = '0x5FbDB2315678afecb367f032d93F642f64180aa3'

export type ServiceLevel = Pick<
  LoadTestReport,
  'concurrency' | 'requests' | 'completed' | 'wallSeconds' | 'throughputPerSecond' | 'latencyMs' | 'errorRate' | 'status'
> & { engine: ProvingEngine }
export type ServiceBenchResult = { workers: number; maxQueue: number; levels: ServiceLevel[] }

export const SERVICE_ENGINES = ['proofx', 'snarkjs'] as const satisfies readonly ProvingEngine[]

export async function runServiceBench(requestsPerClient: number, maxSecondsPerLevel: number, log: (line: string) => void): Promise<ServiceBenchResult> {
  const workers = availableParallelism()
  // Queue room for the 4-client level so the figures are latency, not 429s.
  const maxQueue = Math.max(workers * 2, 4)
  const levels: ServiceLevel[] = []
  for (const engine of SERVICE_ENGINES) {
    const app = await createProverServer({
      backend: createSdkProverBackend({
        artifacts: serviceArtifacts,
        size: workers,
        engine,
        onFallback: ({ error }) => log(`service ${engine}: ${error.details}`),
      }),
      chainId: 31337,
      verifier: VERIFIER,
      maxQueue,
      requestTimeoutMs: maxSecondsPerLevel * 1000,
      logger: false,
    })
    const url = await app.listen({ host: '127.0.0.1', port: 0 })
    try {
      // Ready once every worker has loaded the artifacts, started its engine and run one warm-up proof.
      for (let i = 0; !(await fetch(`${url}/readyz`)).ok; i++) {
        if (i === 1200) throw new Error(`the ${engine} service did not become ready within 120 s`)
        await new Promise((r) => setTimeout(r, 100))
      }
      for (const concurrency of [1, 2, 4]) {
        const report = await runLoadTest({ url, requests: requestsPerClient * concurrency, concurrency, maxSeconds: maxSecondsPerLevel })
        const { requests, completed, wallSeconds, throughputPerSecond, latencyMs, errorRate, status } = report
        levels.push({ engine, concurrency, requests, completed, wallSeconds, throughputPerSecond, latencyMs, errorRate, status })
        log(
          `service ${engine} c=${concurrency}: ${throughputPerSecond} proofs/s, p50 ${latencyMs.p50} ms, p95 ${latencyMs.p95} ms, status ${JSON.stringify(status)}`,
        )
      }
    } finally {
      await app.close()
    }
  }
  return { workers, maxQueue, levels }
}
