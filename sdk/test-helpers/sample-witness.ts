// The witness (.wtns bytes) of the sample credential against the sample policy, from the committed circuit.
import { readFile } from 'node:fs/promises'
import { WitnessCalculatorBuilder } from 'circom_runtime'
import { buildCircuitInput } from '../src/credentials/build-circuit-input.js'
import { buildPolicy } from '../src/policies/build-policy.js'
import { artifactPath } from './committed-artifacts.js'
import { NOW, POLICY, SCOPE, signed } from './sample-credential.js'

type Calculator = { calculateWTNSBin(input: unknown, sanityCheck?: boolean): Promise<Uint8Array> }

let calculator: Promise<Calculator> | undefined

export async function sampleWitness(overrides: Parameters<typeof signed>[0] = {}): Promise<Uint8Array> {
  calculator ??= readFile(artifactPath('compliance.wasm')).then((wasm) => WitnessCalculatorBuilder(wasm) as Promise<Calculator>)
  const input = buildCircuitInput({ credential: signed(overrides), policy: buildPolicy(POLICY), now: NOW, scope: SCOPE })
  return (await calculator).calculateWTNSBin(input, true)
}
