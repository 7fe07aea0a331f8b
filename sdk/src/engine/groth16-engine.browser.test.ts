// The engine in real Chromium with its helper Web Worker: scalars through a SharedArrayBuffer (the page is
// cross-origin isolated, as vitest.config.ts serves it) and through transferred copies (what a page
// without COOP/COEP gets), and single-threaded; every proof verified by snarkjs.
import { WitnessCalculatorBuilder } from 'circom_runtime'
import * as snarkjs from 'snarkjs'
import { beforeAll, expect, test } from 'vitest'
import { NOW, POLICY, SCOPE, signed } from '@proofx/test-helpers/sample-credential'
import { buildCircuitInput } from '../credentials/build-circuit-input.js'
import { buildPolicy } from '../policies/build-policy.js'
import { createGroth16Engine } from './groth16-engine.js'

const fetchBytes = async (file: string) => new Uint8Array(await (await fetch(`/circuits/artifacts/${file}`)).arrayBuffer())
let zkey: Uint8Array
let wtns: Uint8Array
let vkey: unknown
beforeAll(async () => {
  zkey = await fetchBytes('compliance.zkey')
  vkey = await (await fetch('/circuits/artifacts/verification_key.json')).json()
  const calculator = (await WitnessCalculatorBuilder(await fetchBytes('compliance.wasm'))) as {
    calculateWTNSBin(input: unknown, sanity: boolean): Promise<Uint8Array>
  }
  wtns = await calculator.calculateWTNSBin(buildCircuitInput({ credential: signed(), policy: buildPolicy(POLICY), now: NOW, scope: SCOPE }), true)
})

test('the page is cross-origin isolated, so two threads default to shared memory', async () => {
  expect(self.crossOriginIsolated).toBe(true)
  const engine = await createGroth16Engine(zkey, { threads: 2 })
  expect({ threads: engine.threads, shared: engine.shared }).toEqual({ threads: 2, shared: true })
  await engine.terminate()
})

test.each([
  { threads: 2, shared: true },
  { threads: 2, shared: false },
  { threads: 1, shared: false },
] as const)('threads $threads, shared memory $shared: proofs verify with snarkjs', async (options) => {
  const engine = await createGroth16Engine(zkey, options)
  try {
    for (let i = 0; i < 2; i++) {
      const { proof, publicSignals, timings } = await engine.prove(wtns)
      expect(await snarkjs.groth16.verify(vkey, publicSignals, proof)).toBe(true)
      console.info(`chromium engine ${JSON.stringify(options)}: ${JSON.stringify(timings, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`)
    }
  } finally {
    await engine.terminate()
  }
})
