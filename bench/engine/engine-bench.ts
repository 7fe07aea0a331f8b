// ProofX's WebAssembly engine against snarkjs in one Node process, interleaved round by round:
// whole proofs (groth16.prove vs engine.prove on the same witness) and each of the five MSMs on the
// same bases and scalars (snarkjs's curve with its default threads vs the engine).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as snarkjs from 'snarkjs'
import { createGroth16Engine, readWitness, type EngineTimings } from '@proofx/sdk'
import { sampleWitness } from '@proofx/test-helpers/sample-witness'
// By path: the per-MSM timings drive the engine's wasm exports directly, which the SDK does not export.
import { instantiateEngine } from '../../sdk/src/engine/engine-module.js'
import { medianOfFields, summarize, type Summary } from '../lib/stats.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const KINDS = ['A', 'B1', 'B2', 'C', 'H'] as const
type Kind = (typeof KINDS)[number]

export type EngineBenchResult = {
  engineProve: Summary
  snarkjsProve: Summary
  ratio: number
  engineStages: EngineTimings
  msm: Record<Kind, { engine: Summary; snarkjs: Summary; ratio: number; points: number }>
  verified: boolean
}

type Group = { multiExpAffine(bases: Uint8Array, scalars: Uint8Array): Promise<Uint8Array> }
type Curve = { G1: Group; G2: Group; terminate(): Promise<void> }

export async function runEngineBench(runs: number, log: (line: string) => void): Promise<EngineBenchResult> {
  const zkeyBytes = new Uint8Array(readFileSync(`${root}circuits/artifacts/compliance.zkey`))
  const vkey = JSON.parse(readFileSync(`${root}circuits/artifacts/verification_key.json`, 'utf8'))
  const wtns = await sampleWitness()
  const engine = await createGroth16Engine(zkeyBytes)
  const curve = (await snarkjs.curves.getCurveFromName('bn128')) as Curve
  try {
    const first = await engine.prove(wtns)
    const verified = await snarkjs.groth16.verify(vkey, first.publicSignals, first.proof)
    await snarkjs.groth16.prove(zkeyBytes, wtns) // warm-up
    const mine: number[] = [],
      theirs: number[] = [],
      stages: EngineTimings[] = []
    for (let i = 0; i < runs; i++) {
      const order = i % 2 ? ['snarkjs', 'engine'] : ['engine', 'snarkjs']
      for (const who of order) {
        const t = performance.now()
        if (who === 'engine') stages.push((await engine.prove(wtns)).timings)
        else await snarkjs.groth16.prove(zkeyBytes, wtns)
        ;(who === 'engine' ? mine : theirs).push(performance.now() - t)
      }
    }
    log(`engine: proofs ${summarize(mine).median.toFixed(0)} ms vs snarkjs ${summarize(theirs).median.toFixed(0)} ms`)

    // Per MSM: the zkey's bases; the witness (A, B1, B2; C over the private part); H over full-width scalars.
    const z = engine.zkey
    const w = readWitness(wtns, z.nVars)
    const h = new Uint8Array(z.domainSize * 32)
    for (let o = 0; o < h.length; o += 65536) crypto.getRandomValues(h.subarray(o, o + 65536))
    for (let i = 31; i < h.length; i += 32) h[i]! &= 0x1f
    const inputs: Record<Kind, { bases: Uint8Array; scalars: Uint8Array; g2: boolean }> = {
      A: { bases: z.pointsA, scalars: w, g2: false },
      B1: { bases: z.pointsB1, scalars: w, g2: false },
      B2: { bases: z.pointsB2, scalars: w, g2: true },
      C: { bases: z.pointsC, scalars: w.subarray((z.nPublic + 1) * 32), g2: false },
      H: { bases: z.pointsH, scalars: h, g2: false },
    }
    const e = await instantiateEngine()
    const place = (bytes: Uint8Array) => {
      const p = e.alloc(bytes.length)
      new Uint8Array(e.memory.buffer).set(bytes, p)
      return p
    }
    const placed = Object.fromEntries(KINDS.map((k) => [k, { bases: place(inputs[k].bases), scalars: place(inputs[k].scalars) }])) as Record<
      Kind,
      { bases: number; scalars: number }
    >
    const out = e.alloc(192)
    const msm = {} as EngineBenchResult['msm']
    for (const kind of KINDS) {
      const { bases, scalars, g2 } = inputs[kind]
      const count = scalars.length / 32
      const a: number[] = [],
        b: number[] = []
      for (let i = 0; i <= runs; i++) {
        let t = performance.now()
        ;(g2 ? e.g2_msm : e.g1_msm)(out, placed[kind].bases, placed[kind].scalars, count)
        const ours = performance.now() - t
        t = performance.now()
        await (g2 ? curve.G2 : curve.G1).multiExpAffine(bases, scalars)
        const ref = performance.now() - t
        if (i > 0) {
          // round 0 warms both up
          a.push(ours)
          b.push(ref)
        }
      }
      msm[kind] = { engine: summarize(a), snarkjs: summarize(b), ratio: summarize(b).median / summarize(a).median, points: count }
      log(`engine: MSM ${kind} ${msm[kind].engine.median.toFixed(0)} ms vs snarkjs ${msm[kind].snarkjs.median.toFixed(0)} ms`)
    }
    return {
      engineProve: summarize(mine),
      snarkjsProve: summarize(theirs),
      ratio: summarize(theirs).median / summarize(mine).median,
      engineStages: medianOfFields(stages),
      msm,
      verified,
    }
  } finally {
    await engine.terminate()
    await curve.terminate()
  }
}
