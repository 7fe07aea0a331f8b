import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hashApiKey } from '@proofx/cli'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { account, createDrillEnv, isCompliant, requestProof, type DrillEnv } from './helpers/drill-env.js'

// The hosted prover behind its load balancer, relaying for real on anvil: only API-key holders may make the
// service spend its signer's gas.
describe('relaying with API keys (anvil, real relay)', () => {
  let env: DrillEnv
  const signer = account(1)
  const key = 'pk_relay_6bc1bee22e409f96e93d7e117393172a'

  beforeAll(async () => {
    env = await createDrillEnv()
    await env.adminRun('grant-signer', { account: signer.address })
  })
  afterAll(() => env?.stop())

  test('no key: 401 and nothing on-chain; the key: relayed, verified, the subject compliant', async () => {
    const prover = await env.startProver({ signer, server: { relayApiKeySha256: [hashApiKey(key)], trustProxy: ['127.0.0.1'] } })
    const subject = account(8).address
    const refused = await requestProof(prover.url, demoProofRequest({ subject, now: await env.chainNow(), relay: true }).body, {
      'x-forwarded-for': '203.0.113.7',
    })
    expect(refused.status).toBe(401)
    expect(await isCompliant(env, subject)).toBe(false)

    const relayed = await requestProof(prover.url, demoProofRequest({ subject, now: await env.chainNow(), relay: true }).body, {
      authorization: `Bearer ${key}`,
      'x-forwarded-for': '203.0.113.7',
    })
    expect(relayed.status, JSON.stringify(relayed.json)).toBe(200)
    expect(relayed.json.relay).toMatchObject({ signer: signer.address, verified: true })
    expect(await isCompliant(env, subject)).toBe(true)
  })
})
