// The warm-up witness against the real artifacts and snarkjs: accepted as a witness of the right shape, proved,
// and (being random) never a valid proof.
import { readFileSync } from 'node:fs'
import { WitnessCalculatorBuilder } from 'circom_runtime'
import * as snarkjs from 'snarkjs'
import { afterAll, describe, expect, test } from 'vitest'
import { SNARK_SCALAR_FIELD } from '../credentials/limits.js'
import { syntheticWitness } from './synthetic-witness.js'

const artifact = (file: string) => new Uint8Array(readFileSync(new URL(`../../../circuits/artifacts/${file}`, import.meta.url)))

afterAll(async () => {
  await (globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }).curve_bn128?.terminate()
})

describe('syntheticWitness', () => {
  test('has the circuit witness shape, random values below the field modulus, and proves but never verifies', async () => {
    const calculator = await WitnessCalculatorBuilder(artifact('compliance.wasm'))
    const witness = syntheticWitness(calculator)
    const values = (await snarkjs.wtns.exportJson(witness)) as bigint[]
    expect(values).toHaveLength(calculator.witnessSize)
    expect(values.every((v) => v >= 0n && v < SNARK_SCALAR_FIELD)).toBe(true)
    expect(new Set(values.slice(0, 100).map(String)).size).toBe(100) // random, not a constant fill

    const { proof, publicSignals } = await snarkjs.groth16.prove(artifact('compliance.zkey'), witness)
    expect(publicSignals).toHaveLength(4)
    const vkey = JSON.parse(readFileSync(new URL('../../../circuits/artifacts/verification_key.json', import.meta.url), 'utf8'))
    expect(await snarkjs.groth16.verify(vkey, publicSignals, proof)).toBe(false)
  })
})
