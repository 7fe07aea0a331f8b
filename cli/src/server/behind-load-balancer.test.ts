import { Writable } from 'node:stream'
import { afterAll, describe, expect, test } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createApiKeyCheck, hashApiKey } from './api-keys.js'
import { createProverServer, type ProverServerOptions } from './create-prover-server.js'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { committedArtifacts } from '@proofx/test-helpers/committed-artifacts'
import { createSdkProverBackend } from './sdk-prover-backend.js'
import { waitUntil } from '@proofx/test-helpers/wait-until'

// The prover as the playbook runs it, behind a load balancer: real servers on loopback, where this test is the
// "balancer" (the peer is 127.0.0.1) and X-Forwarded-For names the client it forwards for.
const subject = '0x70997970C51812Dc3A010c7D01B50E20D17Dc79C' as const
const servers: FastifyInstance[] = []
afterAll(() => Promise.all(servers.map((s) => s.close())))

async function start(options: Partial<ProverServerOptions> = {}) {
  const logs: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(JSON.parse(chunk.toString()))
      done()
    },
  })
  const app = await createProverServer({
    backend: createSdkProverBackend({ artifacts: committedArtifacts(), size: 1 }),
    chainId: 31337,
    verifier: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    logger: { level: 'info', stream },
    ...options,
  })
  servers.push(app)
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/v1/proofs`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  // Readiness (the worker has loaded the zkey) before a request that gets past validation.
  const ready = async () => {
    await waitUntil(async () => (await fetch(`${url}/readyz`)).status === 200, { what: 'the prover to be ready' })
  }
  const remoteAddresses = () => logs.filter((l) => l.msg === 'incoming request').map((l) => (l.req as { remoteAddress: string }).remoteAddress)
  return { post, logs, remoteAddresses, ready }
}

const forwardedFor = (client: string) => ({ 'x-forwarded-for': client })

describe('prover service behind a load balancer', () => {
  test('without trusted proxies the log names the balancer, whatever X-Forwarded-For says', async () => {
    const server = await start()
    await server.post({}, forwardedFor('203.0.113.7'))
    expect(server.remoteAddresses()).toEqual(['127.0.0.1'])
  })

  test('with the balancer trusted, the log names the client it forwards for', async () => {
    const server = await start({ trustProxy: ['127.0.0.1'] })
    await server.post({}, forwardedFor('203.0.113.7'))
    await server.post({}, forwardedFor('198.51.100.2, 127.0.0.1')) // a chain: the first untrusted hop from the right
    expect(server.remoteAddresses()).toEqual(['203.0.113.7', '198.51.100.2'])
  })

  test('a peer that is not a trusted proxy cannot spoof its address with X-Forwarded-For', async () => {
    const server = await start({ trustProxy: ['10.0.0.0/8'] })
    await server.post({}, forwardedFor('203.0.113.7'))
    expect(server.remoteAddresses()).toEqual(['127.0.0.1'])
  })

  test('the rate limit is per client: one client past its budget gets 429 + Retry-After, another is unaffected', async () => {
    const server = await start({ trustProxy: ['127.0.0.1'], rateLimit: { max: 2, timeWindowMs: 60_000 } })
    const statuses = async (client: string, n: number) => {
      const out: number[] = []
      for (let i = 0; i < n; i++) out.push((await server.post({}, forwardedFor(client))).status)
      return out
    }
    expect(await statuses('203.0.113.7', 3)).toEqual([400, 400, 429])
    const limited = await server.post({}, forwardedFor('203.0.113.7'))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await statuses('198.51.100.2', 2)).toEqual([400, 400])
  })

  test('relaying needs an API key when keys are configured: 401 without or with a wrong one; the key is never logged', async () => {
    const key = 'pk_live_2b7e151628aed2a6abf7158809cf4f3c'
    const server = await start({ relayApiKeySha256: [hashApiKey('another-client-key'), hashApiKey(key)] })
    const relayBody = demoProofRequest({ subject, relay: true }).body
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { 'x-api-key': `${key}x` }] as Record<string, string>[]) {
      const res = await server.post(relayBody, headers)
      expect(res.status, JSON.stringify(headers)).toBe(401)
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
      expect((await res.json()).error).toBe('RelayUnauthorizedError')
    }
    // With the key the request passes the gate (this service has no signer, so the relay itself is refused next).
    await server.ready()
    for (const headers of [{ authorization: `Bearer ${key}` }, { 'x-api-key': key }] as Record<string, string>[]) {
      const res = await server.post(relayBody, headers)
      expect(res.status).toBe(400)
      expect((await res.json()).issues).toEqual([expect.objectContaining({ field: 'relay', rule: 'unsupported' })])
    }
    // A proof without relay needs no key (the gate guards only the relaying endpoint).
    expect((await server.post({ ...demoProofRequest({ subject }).body, relay: false })).status).not.toBe(401)
    expect(JSON.stringify(server.logs)).not.toContain(key)
  })

  test('API keys are kept as sha256 hashes and compared in constant time', () => {
    const check = createApiKeyCheck([hashApiKey('k1')])
    expect([check('k1'), check('k2'), check(''), check(undefined)]).toEqual([true, false, false, false])
    expect(() => createApiKeyCheck(['k1'])).toThrow(/64 hex digits/)
  })
})
