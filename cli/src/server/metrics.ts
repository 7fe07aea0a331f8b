import { availableParallelism } from 'node:os'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** Why a proof request failed; the `reason` label of proofx_proof_errors_total. */
export type ProofErrorReason = 'validation' | 'unauthorized' | 'rule_violation' | 'queue_full' | 'unavailable' | 'timeout' | 'proving' | 'relay' | 'internal'

export type ProverMetrics = ReturnType<typeof createProverMetrics>

/**
 * The metrics ops/prometheus/alerts.yml alerts on. One registry per server so tests can run several.
 * Default metrics include process_cpu_seconds_total; proofx_cpu_cores lets the CPU alert divide by the cores.
 */
export function createProverMetrics({ poolSize }: { poolSize: number }) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const cores = new Gauge({ name: 'proofx_cpu_cores', help: 'CPU cores available to this process.', registers: [registry] })
  cores.set(availableParallelism())
  const workers = new Gauge({ name: 'proofx_worker_pool_size', help: 'Proving workers in the pool.', registers: [registry] })
  workers.set(poolSize)
  return {
    registry,
    proofGenerationSeconds: new Histogram({
      name: 'proofx_proof_generation_seconds',
      help: 'Time to generate one Groth16 proof (witness + prove), excluding queue wait.',
      buckets: [0.25, 0.5, 1, 1.5, 2, 3, 5, 8, 13, 30],
      registers: [registry],
    }),
    requests: new Counter({ name: 'proofx_proof_requests_total', help: 'Proof requests received (valid or not).', registers: [registry] }),
    errors: new Counter({
      name: 'proofx_proof_errors_total',
      help: 'Proof requests that failed, by reason.',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    inFlight: new Gauge({ name: 'proofx_requests_in_flight', help: 'Proof requests being handled (queued or proving).', registers: [registry] }),
    queueDepth: new Gauge({ name: 'proofx_queue_depth', help: 'Proof jobs waiting for a free worker.', registers: [registry] }),
    relays: new Counter({
      name: 'proofx_relay_transactions_total',
      help: 'Proofs submitted on-chain, by outcome.',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
  }
}
