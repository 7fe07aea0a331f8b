import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import * as snarkjs from 'snarkjs'
// @ts-expect-error ffjavascript ships no types
import { buildBn128 } from 'ffjavascript'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { publicSignalIndex, unpackContext } from '@proofx/sdk'
import { createProverServer } from './create-prover-server.js'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { committedArtifacts } from '@proofx/test-helpers/committed-artifacts'
import { createSdkProverBackend } from './sdk-prover-backend.js'
import { waitUntil } from '@proofx/test-helpers/wait-until'

const artifacts = fileURLToPath(new URL('../../../circuits/artifacts/', import.meta.url))
const vkey = JSON.parse(readFileSync(`${artifacts}verification_key.json`, 'utf8'))
const subject = '0x70997970C51812Dc3A010c7D01B50E20D17Dc79C' as const
const verifier = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const

/** One sample's value in a Prometheus text exposition; 0 for a series not yet exported (a counter never incremented). */
function sample(metrics: string, series: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}

describe('proofx serve', () => {
  let app: FastifyInstance
  const logs: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(chunk.toString())
      done()
    },
  })

  beforeAll(async () => {
    // ffjavascript's nested web-workers cannot start inside vitest's worker: verify on a single-threaded curve.
    ;(globalThis as { curve_bn128?: unknown }).curve_bn128 = await buildBn128(true)
    // One worker, one waiting slot: the third concurrent request must be refused.
    app = await createProverServer({
      backend: createSdkProverBackend({ artifacts: committedArtifacts(), size: 1 }),
      chainId: 31337,
      verifier,
      maxQueue: 1,
      logger: { level: 'debug', stream },
    })
    await app.ready()
    await waitUntil(async () => (await app.inject({ url: '/readyz' })).statusCode === 200, { what: 'the prover to be ready' })
  })
  afterAll(() => app?.close())

  test('health and readiness', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' })
    const ready = await app.inject({ url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toMatchObject({ status: 'ready', workers: 1, maxQueue: 1, relay: null })
  })

  test('proves a valid credential; the proof verifies; no attribute value reaches the logs', async () => {
    const { body, attributes, credential } = demoProofRequest({ subject })
    logs.length = 0
    const res = await app.inject({ method: 'POST', url: '/v1/proofs', payload: body })
    expect(res.statusCode, res.body).toBe(200)
    const out = res.json()
    expect(await snarkjs.groth16.verify(vkey, out.publicSignals, out.proof)).toBe(true)
    expect(unpackContext(BigInt(out.publicSignals[publicSignalIndex.context])).subject).toBe(BigInt(subject))
    expect(out.calldata).toMatchObject({ policyId: '1', subject })
    expect(out.calldata.proof.nullifier).toBe(out.publicSignals[publicSignalIndex.nullifier])

    const text = logs.join('')
    expect(text).toContain('request completed') // the capture works
    const secrets = [attributes.assets, attributes.liabilities, attributes.salt, credential.signature.S, credential.signature.R8[0]].map(String)
    for (const secret of secrets) expect(text).not.toContain(secret)
  })

  test('a rule violation is a 422 naming the field, and the values stay out of the logs', async () => {
    const { body } = demoProofRequest({ subject, attributes: { kycLevel: 1, assets: 555_444_333n } })
    logs.length = 0
    const res = await app.inject({ method: 'POST', url: '/v1/proofs', payload: body })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ error: 'KycLevelTooLowError', field: 'kycLevel' })
    expect(logs.join('')).not.toContain('555444333')
  })

  test('bad input is a 400 with one issue per field', async () => {
    const { body } = demoProofRequest({ subject })
    body.credential.attributes.kycLevel = 300
    body.credential.attributes.assets = '-5'
    ;(body as Record<string, unknown>).subject = '0x1234'
    const res = await app.inject({ method: 'POST', url: '/v1/proofs', payload: body })
    expect(res.statusCode).toBe(400)
    const fields = res.json().issues.map((i: { field: string }) => i.field)
    expect(fields).toEqual(expect.arrayContaining(['credential.attributes.kycLevel', 'credential.attributes.assets', 'subject']))
    expect(JSON.stringify(res.json())).not.toContain('300')
  })

  test('a body over the limit is refused with 413', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/proofs', payload: { pad: 'x'.repeat(70_000) } })
    expect(res.statusCode).toBe(413)
  })

  test('relay without a signer key is a 400 on the relay field', async () => {
    const { body } = demoProofRequest({ subject, relay: true })
    const res = await app.inject({ method: 'POST', url: '/v1/proofs', payload: body })
    expect(res.statusCode).toBe(400)
    expect(res.json().issues[0].field).toBe('relay')
  })

  test('a full queue answers 429 with Retry-After; metrics count it', async () => {
    // Counted from this test's own requests, so it holds whichever tests ran before it.
    const before = (await app.inject({ url: '/metrics' })).body
    const violation = demoProofRequest({ subject, attributes: { kycLevel: 1 } }).body
    expect((await app.inject({ method: 'POST', url: '/v1/proofs', payload: violation })).statusCode).toBe(422)
    const requests = Array.from({ length: 3 }, () => app.inject({ method: 'POST', url: '/v1/proofs', payload: demoProofRequest({ subject }).body }))
    const codes = (await Promise.all(requests)).map((r) => r.statusCode)
    expect(codes.filter((c) => c === 200)).toHaveLength(2)
    const refused = (await Promise.all(requests)).find((r) => r.statusCode === 429)!
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1)

    const metrics = (await app.inject({ url: '/metrics' })).body
    const counted = (series: string) => sample(metrics, series) - sample(before, series)
    expect(counted('proofx_proof_generation_seconds_count')).toBe(2)
    expect(counted('proofx_proof_errors_total{reason="queue_full"}')).toBe(1)
    expect(counted('proofx_proof_errors_total{reason="rule_violation"}')).toBe(1)
    expect(metrics).toMatch(/proofx_requests_in_flight 0/)
    expect(metrics).toMatch(/proofx_queue_depth 0/)
    expect(metrics).toMatch(/process_cpu_seconds_total/)
  })
})
