// ProofX's engine in real Chromium on a page served WITHOUT cross-origin isolation (no COOP/COEP, as vitest.config.ts
// serves the browser-not-isolated project): no SharedArrayBuffer, so the engine runs single-threaded or hands its
// helper copies; every proof checked with snarkjs.groth16.verify in the page.
import { WitnessCalculatorBuilder } from 'circom_runtime'
import * as snarkjs from 'snarkjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CHAIN_ID, NOW, POLICY, SCOPE, SUBJECT, VERIFIER, signed } from '@proofx/test-helpers/sample-credential'
import { servedArtifactUrl, servedArtifacts } from '@proofx/test-helpers/served-artifacts'
import { clearArtifactCache } from '../artifacts/artifact-cache.js'
import { buildCircuitInput } from '../credentials/build-circuit-input.js'
import { createGroth16Engine } from '../engine/groth16-engine.js'
import { buildPolicy } from '../policies/build-policy.js'
import { createProver, type EngineFallback, type Prover } from './create-prover.js'

const CACHE = 'proofx-engine-not-isolated-test'
const fetchBytes = async (file: string) => new Uint8Array(await (await fetch(servedArtifactUrl(file))).arrayBuffer())
const artifacts = servedArtifacts()
const fallbacks: EngineFallback[] = []
let vkey: unknown
let prover: Prover
beforeAll(async () => {
  vkey = await (await fetch(servedArtifactUrl('verification_key.json'))).json()
  await clearArtifactCache(CACHE)
  prover = createProver({ artifacts, cache: CACHE, engine: 'proofx', onFallback: (f) => fallbacks.push(f) })
})
afterAll(async () => {
  await prover?.dispose()
  await clearArtifactCache(CACHE)
})

test('the page is not cross-origin isolated: no SharedArrayBuffer', () => {
  expect(self.crossOriginIsolated).toBe(false)
  expect(typeof SharedArrayBuffer).toBe('undefined')
})

describe("createProver({ engine: 'proofx' }) on a page that is not isolated", () => {
  test('proves with the engine in the SDK worker (no fallback); snarkjs verifies each proof in the page', async () => {
    expect((await prover.preload()).engine).toBe('proofx')
    for (let i = 0; i < 2; i++) {
      const result = await prover.prove({ credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER })
      expect(result.engine).toBe('proofx')
      expect(await snarkjs.groth16.verify(vkey, [...result.publicSignals], result.proof)).toBe(true)
      console.info(`chromium not isolated, SDK engine proof (ms): ${JSON.stringify(result.timings, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`)
    }
    expect(fallbacks).toEqual([])
  })
})

describe('the engine itself on a page that is not isolated', () => {
  let zkey: Uint8Array
  let wtns: Uint8Array
  beforeAll(async () => {
    zkey = await fetchBytes('compliance.zkey')
    const calculator = (await WitnessCalculatorBuilder(await fetchBytes('compliance.wasm'))) as {
      calculateWTNSBin(input: unknown, sanity: boolean): Promise<Uint8Array>
    }
    wtns = await calculator.calculateWTNSBin(buildCircuitInput({ credential: signed(), policy: buildPolicy(POLICY), now: NOW, scope: SCOPE }), true)
  })

  // Without isolation shared memory is off whatever is asked: one thread, or a helper Web Worker fed copies.
  test.each([
    { options: {}, mode: { threads: 1, shared: false } },
    { options: { threads: 2 }, mode: { threads: 2, shared: false } },
  ] as const)('options $options: runs with $mode; the proofs verify with snarkjs', async ({ options, mode }) => {
    const engine = await createGroth16Engine(zkey, options)
    try {
      expect({ threads: engine.threads, shared: engine.shared }).toEqual(mode)
      for (let i = 0; i < 2; i++) {
        const { proof, publicSignals } = await engine.prove(wtns)
        expect(await snarkjs.groth16.verify(vkey, publicSignals, proof)).toBe(true)
      }
    } finally {
      await engine.terminate()
    }
  })
})
