// The ProofX engine through the SDK's Web Worker in real Chromium (the page is cross-origin isolated,
// as vitest.config.ts serves it); every proof is checked with snarkjs in the page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CHAIN_ID, NOW, POLICY, SUBJECT, VERIFIER, signed } from '@proofx/test-helpers/sample-credential'
import { servedArtifacts } from '@proofx/test-helpers/served-artifacts'
import { clearArtifactCache } from '../artifacts/artifact-cache.js'
import { createProver, type Prover } from './create-prover.js'
import { verifyProof } from './verify-proof.js'

const CACHE = 'proofx-engine-browser-test'
const artifacts = servedArtifacts()
const proveArgs = { credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER }

let prover: Prover
beforeAll(async () => {
  await clearArtifactCache(CACHE)
  prover = createProver({ artifacts, cache: CACHE, engine: 'proofx' })
})
afterAll(async () => {
  await prover?.dispose()
  await clearArtifactCache(CACHE)
})

describe("createProver({ engine: 'proofx' }) in Chromium", () => {
  test('proves in the worker; the proof verifies in the worker and with snarkjs in the page', async () => {
    await prover.preload()
    const { vkey } = await prover.getVerificationKey()
    for (let i = 0; i < 2; i++) {
      const result = await prover.prove(proveArgs)
      expect(await verifyProof(result, vkey)).toBe(true)
      expect(result.calldata.subject).toBe(SUBJECT)
      console.info(`chromium engine proof timings (ms, warm): ${JSON.stringify(result.timings, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`)
    }
  })
})
