// ProofX's WebAssembly engine against snarkjs in one Node process, interleaved round by round:
// whole proofs (groth16.prove vs engine.prove on the same witness), then each of the five MSMs alone
// (msm-microbench.ts).
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import * as snarkjs from 'snarkjs'
import { createGroth16Engine, type EngineTimings } from '@proofx/sdk'
import { sampleWitness } from '@proofx/test-helpers/sample-witness'
import { STAGES } from '../lib/engine-stages.js'
import { runMsmMicrobench, type MsmMicrobench } from './msm-microbench.js'
import { medianOfFields, summarize, type Summary } from '../lib/stats.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

/** snarkjs's stages, from the timestamps of its own logger's messages during `groth16.prove(zkey, wtns, logger)`. */
export type SnarkjsStages = {
  abc: number
  fft: number
  msmA: number
  msmB1: number
  msmB2: number
  msmC: number
  msmH: number
  total: number
}

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
  msm: MsmMicrobench
  verified: boolean
}

export async function runEngineBench(runs: number, log: (line: string) => void): Promise<EngineBenchResult> {
  const zkeyBytes = new Uint8Array(readFileSync(`${root}circuits/artifacts/compliance.zkey`))
  const vkey = JSON.parse(readFileSync(`${root}circuits/artifacts/verification_key.json`, 'utf8'))
  const wtns = await sampleWitness()
  const loadStart = loadavg()
  const engine = await createGroth16Engine(zkeyBytes, { threads: 1 })
  const engine2 = await createGroth16Engine(zkeyBytes, { threads: 2 })
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
        if (who === 'engine')
          stages.push({
            ...(await engine.prove(witness)).timings,
            witness: witnessMs,
          })
        else if (who === 'engine2') await engine2.prove(witness)
        else
          theirStages.push({
            ...(await snarkjsProveStages(zkeyBytes, witness)),
            witness: witnessMs,
          })
        ;(who === 'engine' ? mine : who === 'engine2' ? two : theirs).push(performance.now() - t)
      }
    }
    log(
      `engine: proofs ${summarize(mine).median.toFixed(0)} ms (2 threads ${summarize(two).median.toFixed(0)} ms) vs snarkjs ${summarize(theirs).median.toFixed(0)} ms`,
    )
    const split = (s: Record<(typeof STAGES)[number], number>) => STAGES.map((k) => `${k} ${s[k].toFixed(0)}`).join(', ')
    log(`engine stages (ms, medians): ${split(medianOfFields(stages))}`)
    log(`snarkjs stages (ms, medians): ${split(medianOfFields(theirStages))}`)

    const msm = await runMsmMicrobench(engine.zkey, wtns, runs, log)
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
  await snarkjs.groth16.prove(zkey, wtns, {
    debug: note,
    info: note,
    warn: note,
    error: note,
  } as never)
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
