import { readFileSync } from 'node:fs'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { hashVerificationKey, publicSignalIndex } from '@proofx/sdk'
import { createProverServer } from './create-prover-server.js'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { createSdkProverBackend } from './sdk-prover-backend.js'
import { waitUntil } from '@proofx/test-helpers/wait-until'

const dir = fileURLToPath(new URL('../../../circuits/artifacts/', import.meta.url))
const artifacts = { wasm: `${dir}compliance.wasm`, zkey: `${dir}compliance.zkey`, vkey: `${dir}verification_key.json`, manifest: `${dir}manifest.json` }
const vkeyHash = hashVerificationKey(JSON.parse(readFileSync(`${dir}verification_key.json`, 'utf8')))
const subject = '0x70997970C51812Dc3A010c7D01B50E20D17Dc79C' as const
const verifier = '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const

describe('proofx serve on the SDK prover (createProver pool)', () => {
  const closers: (() => Promise<void>)[] = []
  afterAll(() => Promise.all(closers.map((c) => c())))

  test('proves through the SDK prover when the artifacts match the deployed verification key', async () => {
    const app = await createProverServer({
      backend: createSdkProverBackend({ artifacts, size: 1, expectedVkeyHash: vkeyHash }),
      chainId: 31337,
      verifier,
      logger: false,
    })
    closers.push(() => app.close())
    await waitUntil(async () => (await app.inject({ url: '/readyz' })).statusCode === 200, { what: 'the prover to be ready' })
    const res = await app.inject({ method: 'POST', url: '/v1/proofs', payload: demoProofRequest({ subject }).body })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().publicSignals).toHaveLength(4)
    expect(res.json().calldata.proof.nullifier).toBe(res.json().publicSignals[publicSignalIndex.nullifier])
  })

  test('never becomes ready on artifacts that do not match the deployed verifier', async () => {
    const logs: { msg?: string }[] = []
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logs.push(JSON.parse(chunk.toString()))
        done()
      },
    })
    const app = await createProverServer({
      backend: createSdkProverBackend({ artifacts, size: 1, expectedVkeyHash: `0x${'11'.repeat(32)}` }),
      chainId: 31337,
      verifier,
      logger: { level: 'error', stream },
    })
    closers.push(() => app.close())
    // The warmup has refused the artifacts (the service logs it) before readiness is asked: a condition, not a sleep.
    await waitUntil(() => logs.some((line) => line.msg === 'prover warmup failed'), { what: 'the warmup to fail on the mismatched key', timeoutMs: 60_000 })
    expect((await app.inject({ url: '/readyz' })).json()).toMatchObject({ status: 'starting' })
    const res = await app.inject({ method: 'POST', url: '/v1/proofs', payload: demoProofRequest({ subject }).body })
    expect(res.statusCode).toBe(503)
  })
})
