import { describe, expect, test } from 'vitest'
import { runLoadTest } from '../../ops/load/load-test.js'

describe('load test (ops/load/load-test.ts) on loopback', () => {
  // One worker, one waiting slot, six requests at once: two are served, four get 429 + Retry-After.
  test('reports throughput, latency and error rate, and the queue limit turns the excess into 429s', async () => {
    const report = await runLoadTest({ requests: 6, concurrency: 6, maxSeconds: 100, workers: 1, maxQueue: 1 })
    console.log(JSON.stringify(report))
    expect(report.completed).toBe(6)
    expect(report.status['429']).toBe(4)
    expect(report.retryAfterSeconds.every((s) => s >= 1)).toBe(true)
    expect(report.status['200']).toBeGreaterThanOrEqual(1)
    expect(report.latencyMs.p50).toBeGreaterThan(0)
    expect(report.latencyMs.p95).toBeGreaterThanOrEqual(report.latencyMs.p50)
    expect(report.throughputPerSecond).toBeGreaterThan(0)
    expect(report.errorRate).toBeCloseTo((6 - report.status['200']!) / 6, 3)
  }, 120_000)
})
