// Each of a proof's five MSMs alone, engine against snarkjs's curve on the same bases and scalars, at
// equal thread counts: 1 thread each (snarkjs's curve built single-threaded), and 2 threads each (the
// engine's helper thread takes half the windows, as createProver's 2-thread engine does; snarkjs's
// curve with its default threads, one per core here).
import * as snarkjs from 'snarkjs'
import {
  importBases,
  instantiateEngine,
  MSM_KINDS,
  msmInputs,
  readWitness,
  startEngineHelper,
  type EngineExports,
  type EngineHelper,
  type MsmInput,
  type MsmKind,
  type MsmShare,
  type ScalarSlot,
  type Zkey,
} from '@proofx/sdk/engine'
import { summarize, type Summary } from '../lib/stats.js'

export type MsmPair = { engine: Summary; snarkjs: Summary; ratio: number }
export type MsmMicrobench = Record<MsmKind, { points: number; oneThread: MsmPair; twoThreads: MsmPair }>

type Group = {
  multiExpAffine(bases: Uint8Array, scalars: Uint8Array): Promise<Uint8Array>
}
type Curve = { G1: Group; G2: Group; terminate(): Promise<void> }
/** With 2 threads the calling thread computes this share (thousandths) of each MSM's windows; the helper the rest. */
const WINDOW_SHARE = 500
const FR = 32

export async function runMsmMicrobench(zkey: Zkey, wtns: Uint8Array, runs: number, log: (line: string) => void): Promise<MsmMicrobench> {
  const w = readWitness(wtns, zkey.nVars)
  // H's scalars are the quotient's coefficients: full width, so random below 2^253.
  const h = new Uint8Array(zkey.domainSize * FR)
  for (let o = 0; o < h.length; o += 65536) crypto.getRandomValues(h.subarray(o, o + 65536))
  for (let i = 31; i < h.length; i += 32) h[i]! &= 0x1f
  const slots: Record<ScalarSlot, Uint8Array> = { w, h }
  const inputs = msmInputs(zkey)
  const scalarsOf = (i: MsmInput) => slots[i.slot].subarray(i.scalarStart * FR, (i.scalarStart + i.count) * FR)

  const one = await instantiateEngine()
  const two = await instantiateEngine()
  const place = (e: EngineExports, bytes: Uint8Array) => {
    const p = e.alloc(bytes.length)
    new Uint8Array(e.memory.buffer).set(bytes, p)
    return p
  }
  // Bases resident in the engine's form, as the prover keeps them; scalars placed once (the prover holds them in its memory too).
  const whole = {} as Record<MsmKind, { bases: number; scalars: number }>
  const mine = {} as Record<MsmKind, { bases: number; scalars: number; count: number }>
  const shares: MsmShare[] = []
  for (const kind of MSM_KINDS) {
    const i = inputs[kind]
    whole[kind] = {
      bases: importBases(one, i.group, i.bases),
      scalars: place(one, scalarsOf(i)),
    }
    mine[kind] = {
      bases: importBases(two, i.group, i.bases),
      scalars: place(two, scalarsOf(i)),
      count: i.count,
    }
    shares.push({ kind, group: i.group, bases: i.bases, count: i.count, scalarStart: i.scalarStart, windowShare: WINDOW_SHARE })
  }
  const helper: EngineHelper = await startEngineHelper({
    shares,
    slotSizes: { w: w.length, h: h.length },
    shared: true,
  })
  const single = (await snarkjs.curves.getCurveFromName('bn128', {
    singleThread: true,
  })) as Curve
  const threaded = (await snarkjs.curves.getCurveFromName('bn128')) as Curve
  const outOne = one.alloc(192),
    outTwo = two.alloc(2 * 192)
  try {
    const result = {} as MsmMicrobench
    for (const kind of MSM_KINDS) {
      const i = inputs[kind]
      const msm = (e: EngineExports) => (i.group === 1 ? e.g1_msm_resident : e.g2_msm_resident)
      const ref = (curve: Curve) => (i.group === 1 ? curve.G1 : curve.G2).multiExpAffine(i.bases, scalarsOf(i))
      const engineTwo = async () => {
        // The helper's part starts first; this thread computes its windows meanwhile, then adds the two.
        const theirs = helper.run(i.slot, slots[i.slot], [kind])
        ;(i.group === 1 ? two.g1_msm_part : two.g2_msm_part)(outTwo, mine[kind].bases, mine[kind].scalars, mine[kind].count, WINDOW_SHARE, 0)
        const { points } = await theirs
        new Uint8Array(two.memory.buffer).set(points, outTwo + 192)
        ;(i.group === 1 ? two.g1_add : two.g2_add)(outTwo, outTwo, outTwo + 192)
      }
      const series: Record<'e1' | 's1' | 'e2' | 's2', () => unknown> = {
        e1: () => msm(one)(outOne, whole[kind].bases, whole[kind].scalars, i.count),
        s1: () => ref(single),
        e2: engineTwo,
        s2: () => ref(threaded),
      }
      await sameResult(kind, i.group, series.e1, engineTwo)
      const names = Object.keys(series) as (keyof typeof series)[]
      const times: Record<keyof typeof series, number[]> = {
        e1: [],
        s1: [],
        e2: [],
        s2: [],
      }
      // Round 0 warms every series up; the order rotates so no series always runs after the same one.
      for (let round = 0; round <= runs; round++) {
        for (let k = 0; k < names.length; k++) {
          const name = names[(round + k) % names.length]!
          const t = performance.now()
          await series[name]()
          if (round > 0) times[name].push(performance.now() - t)
        }
      }
      const pair = (engine: number[], ref: number[]): MsmPair => ({
        engine: summarize(engine),
        snarkjs: summarize(ref),
        ratio: summarize(ref).median / summarize(engine).median,
      })
      result[kind] = {
        points: i.count,
        oneThread: pair(times.e1, times.s1),
        twoThreads: pair(times.e2, times.s2),
      }
      const r = result[kind]
      const fmt = (p: MsmPair) => `${p.engine.median.toFixed(0)} vs ${p.snarkjs.median.toFixed(0)} ms (${p.ratio.toFixed(2)}x)`
      log(`engine: MSM ${kind} 1 thread ${fmt(r.oneThread)}; 2 threads ${fmt(r.twoThreads)}`)
    }
    return result

    /** The two-thread split must compute the same point as one thread, or its timing means nothing. */
    async function sameResult(kind: MsmKind, group: 1 | 2, e1: () => unknown, e2: () => Promise<void>) {
      e1()
      await e2()
      const affine = (e: EngineExports, jac: number) => {
        const at = e.alloc(128)
        ;(group === 1 ? e.g1_to_affine : e.g2_to_affine)(at, jac)
        return new Uint8Array(e.memory.buffer).slice(at, at + (group === 1 ? 64 : 128))
      }
      const a = affine(one, outOne),
        b = affine(two, outTwo)
      if (a.some((x, k) => x !== b[k])) throw new Error(`MSM ${kind}: the 2-thread split disagrees with the 1-thread result`)
    }
  } finally {
    await helper.terminate()
    await single.terminate()
    await threaded.terminate()
  }
}
