// ProofX's WebAssembly engine against snarkjs in one Node process, interleaved round by round:
// whole proofs (groth16.prove vs engine.prove on the same witness) and each of the five MSMs on the
// same bases and scalars (snarkjs's curve with its default threads vs the engine).
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import * as snarkjs from 'snarkjs'
import { createGroth16Engine, readWitness, type EngineTimings } from '@proofx/sdk'
import { sampleWitness } from '@proofx/test-helpers/sample-witness'
// By path: the per-MSM timings drive the engine's wasm exports directly, which the SDK does not export.
import { importBases, instantiateEngine } from '../../sdk/src/engine/engine-module.js'
import { STAGES } from '../lib/engine-stages.js'
import { medianOfFields, summarize, type Summary } from '../lib/stats.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const KINDS = ['A', 'B1', 'B2', 'C', 'H'] as const
type Kind = (typeof KINDS)[number]

/** snarkjs's stages, from the timestamps of its own logger's messages during `groth16.prove(zkey, wtns, logger)`. */
export type SnarkjsStages = { abc: number; fft: number; msmA: number; msmB1: number; msmB2: number; msmC: number; msmH: number; total: number }

export type EngineBenchResult = {
  engineProve: Summary
  snarkjsProve: Summary
  ratio: number
  /** The engine with its helper thread (threads: 2), in the same rotation: its ratio to one thread. */
  engineTwoThreads: Summary
  /** Medians per stage; `witness`: circom's calculator (built once) computing the witness each engine then proves. */
  engineStages: EngineTimings & { witness: number }
  snarkjsStages: SnarkjsStages & { witness: number }
  loadAverage: { start: number[]; end: number[] }
  msm: Record<Kind, { engine: Summary; snarkjs: Summary; ratio: number; points: number }>
  verified: boolean
}

type Group = { multiExpAffine(bases: Uint8Array, scalars: Uint8Array): Promise<Uint8Array> }
type Curve = { G1: Group; G2: Group; terminate(): Promise<void> }

export async function runEngineBench(runs: number, log: (line: string) => void): Promise<EngineBenchResult> {
  const zkeyBytes = new Uint8Array(readFileSync(`${root}circuits/artifacts/compliance.zkey`))
  const vkey = JSON.parse(readFileSync(`${root}circuits/artifacts/verification_key.json`, 'utf8'))
  const wtns = await sampleWitness()
  const loadStart = loadavg()
  const engine = await createGroth16Engine(zkeyBytes, { threads: 1 })
  const engine2 = await createGroth16Engine(zkeyBytes, { threads: 2 })
  const curve = (await snarkjs.curves.getCurveFromName('bn128')) as Curve
  try {
    const first = await engine.prove(wtns)
    const verified = await snarkjs.groth16.verify(vkey, first.publicSignals, first.proof)
    await engine2.prove(wtns)
    await snarkjs.groth16.prove(zkeyBytes, wtns) // warm-up
    const mine: number[] = [],
      theirs: number[] = [],
      two: number[] = [],
      stages: (EngineTimings & { witness: number })[] = [],
      theirStages: (SnarkjsStages & { witness: number })[] = []
    const series = ['engine', 'snarkjs', 'engine2'] as const
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < series.length; k++) {
        const who = series[(i + k) % series.length]!
        const w0 = performance.now()
        const witness = await sampleWitness() // the same statement each time, computed afresh as a prover does
        const witnessMs = performance.now() - w0
        const t = performance.now()
        if (who === 'engine') stages.push({ ...(await engine.prove(witness)).timings, witness: witnessMs })
        else if (who === 'engine2') await engine2.prove(witness)
        else theirStages.push({ ...(await snarkjsProveStages(zkeyBytes, witness)), witness: witnessMs })
        ;(who === 'engine' ? mine : who === 'engine2' ? two : theirs).push(performance.now() - t)
      }
    }
    log(
      `engine: proofs ${summarize(mine).median.toFixed(0)} ms (2 threads ${summarize(two).median.toFixed(0)} ms) vs snarkjs ${summarize(theirs).median.toFixed(0)} ms`,
    )
    const split = (s: Record<(typeof STAGES)[number], number>) => STAGES.map((k) => `${k} ${s[k].toFixed(0)}`).join(', ')
    log(`engine stages (ms, medians): ${split(medianOfFields(stages))}`)
    log(`snarkjs stages (ms, medians): ${split(medianOfFields(theirStages))}`)

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
    // Bases resident in the engine's form, as the prover keeps them.
    const placed = Object.fromEntries(
      KINDS.map((k) => [k, { bases: importBases(e, inputs[k].g2 ? 2 : 1, inputs[k].bases), scalars: place(inputs[k].scalars) }]),
    ) as Record<Kind, { bases: number; scalars: number }>
    const out = e.alloc(192)
    const msm = {} as EngineBenchResult['msm']
    for (const kind of KINDS) {
      const { bases, scalars, g2 } = inputs[kind]
      const count = scalars.length / 32
      const a: number[] = [],
        b: number[] = []
      for (let i = 0; i <= runs; i++) {
        let t = performance.now()
        ;(g2 ? e.g2_msm_resident : e.g1_msm_resident)(out, placed[kind].bases, placed[kind].scalars, count)
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
      engineTwoThreads: summarize(two),
      engineStages: medianOfFields(stages),
      snarkjsStages: medianOfFields(theirStages),
      loadAverage: { start: loadStart, end: loadavg() },
      msm,
      verified,
    }
  } finally {
    await engine.terminate()
    await engine2.terminate()
    await curve.terminate()
  }
}

/**
 * One snarkjs proof with a logger that timestamps its messages: ABC from "Building ABC" to the first FFT
 * message, the FFTs from there to "Join ABC", each MSM from its "Multiexp start" to its "Multiexp end".
 */
async function snarkjsProveStages(zkey: Uint8Array, wtns: Uint8Array): Promise<SnarkjsStages> {
  const marks: { at: number; msg: string }[] = []
  const note = (msg: string) => void marks.push({ at: performance.now(), msg })
  const t0 = performance.now()
  await snarkjs.groth16.prove(zkey, wtns, { debug: note, info: note, warn: note, error: note } as never)
  const total = performance.now() - t0
  const at = (test: (msg: string) => boolean) => marks.find((m) => test(m.msg))?.at ?? NaN
  const firstFft = at((m) => /FFT/.test(m))
  const msm = (k: string) =>
    at((m) => m.startsWith('Multiexp end') && m.includes(`multiexp ${k}:`)) - at((m) => m.startsWith('Multiexp start') && m.includes(`multiexp ${k}:`))
  return {
    abc: firstFft - at((m) => m.startsWith('Building ABC')),
    fft: at((m) => m.startsWith('Join ABC')) - firstFft,
    msmA: msm('A'),
    msmB1: msm('B1'),
    msmB2: msm('B2'),
    msmC: msm('C'),
    msmH: msm('H'),
    total,
  }
}
