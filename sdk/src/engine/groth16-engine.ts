import { BN254_Q, BN254_R, modInv, rootOfUnity } from './bn254.js'
import { defaultEngineThreads, sharedMemoryUsable } from './default-engine-threads.js'
import { startEngineHelper, type EngineHelper } from './engine-helper.js'
import { importBases, instantiateEngine, warmUpEngine, type EngineExports } from './engine-module.js'
import { fromMontLe, toLe32, toMontLe } from './field-bytes.js'
import { msmInputs } from './msm-inputs.js'
import { randomScalar } from './random-scalar.js'
import { readWitness } from './read-witness.js'
import { readZkey, type Zkey } from './read-zkey.js'
import { MSM_KINDS, type MsmKind, type MsmShare } from './thread-protocol.js'
import type { Groth16Proof } from '../prover/types.js'

/** Milliseconds per stage of one engine proof (MSMs: this thread's share; `helper`: the helper thread's busy time). */
export type EngineTimings = { abc: number; fft: number; msmA: number; msmB1: number; msmB2: number; msmC: number; msmH: number; helper: number; total: number }

export type Groth16EngineOptions = {
  /**
   * 1: everything in the calling thread. 2: a helper thread takes part of every MSM. Default
   * `defaultEngineThreads()`: 2 where memory can be shared with the helper and there are 2 cores, else 1.
   */
  threads?: 1 | 2 | undefined
  /**
   * Hand scalars to the helper through a SharedArrayBuffer. Default: when SharedArrayBuffer is usable
   * (cross-origin isolated pages, Node); otherwise each proof transfers a copy.
   */
  shared?: boolean | undefined
}

export type Groth16Engine = {
  zkey: Zkey
  threads: 1 | 2
  shared: boolean
  /** Proves from circom's binary witness (.wtns); same result shape as snarkjs.groth16.prove. */
  prove(wtns: Uint8Array): Promise<{ proof: Groth16Proof; publicSignals: string[]; timings: EngineTimings }>
  /** Ends the helper thread. */
  terminate(): Promise<void>
}

const G1J = 96,
  G2J = 192,
  G2A = 128,
  FR = 32

/**
 * Share of every MSM's windows (thousandths) this thread computes when a helper runs the rest: this thread
 * also builds A, B, C and runs the FFTs while the helper starts on its part (measured on the committed zkey).
 * Both threads hold every base, so neither reduces the buckets of the other's windows.
 */
const MAIN_WINDOW_SHARE = 460

type Part = { kind: MsmKind; group: 1 | 2; ptr: number; count: number; scalarStart: number }

/**
 * Loads a zkey into a fresh engine instance: every MSM's bases are copied into the module's memory once
 * and stay there (the helper thread holds its own copy); each proof's buffers
 * live above a mark that is reset afterwards, so repeated proofs reuse one allocation.
 */
export async function createGroth16Engine(zkeyBytes: Uint8Array, options: Groth16EngineOptions = {}): Promise<Groth16Engine> {
  const zkey = readZkey(zkeyBytes)
  const threads = options.threads ?? (await defaultEngineThreads())
  const shared = options.shared ?? sharedMemoryUsable()
  const e = await instantiateEngine()
  const place = (bytes: Uint8Array) => {
    const ptr = e.alloc(bytes.length)
    if (!ptr) throw new RangeError(`the engine could not allocate ${bytes.length} bytes`)
    new Uint8Array(e.memory.buffer, ptr, bytes.length).set(bytes)
    return ptr
  }
  const { nVars, nPublic, domainSize: n, power } = zkey
  const all = msmInputs(zkey)
  const mine = {} as Record<MsmKind, Part>
  const theirs: MsmShare[] = []
  for (const kind of MSM_KINDS) {
    const { group, bases, count, scalarStart } = all[kind]
    mine[kind] = { kind, group, ptr: importBases(e, group, bases), count, scalarStart }
    if (threads === 2) theirs.push({ kind, group, bases, count, scalarStart, windowShare: MAIN_WINDOW_SHARE })
  }
  warmUpEngine(e, mine.H.ptr, mine.H.count, mine.B2.ptr, mine.B2.count)
  const helper: EngineHelper | undefined =
    threads === 2 ? await startEngineHelper({ shares: theirs, slotSizes: { w: nVars * FR, h: n * FR }, shared }) : undefined
  const constants = {
    alpha1: place(zkey.alpha1),
    beta1: place(zkey.beta1),
    beta2: place(zkey.beta2),
    delta1: place(zkey.delta1),
    delta2: place(zkey.delta2),
    coefs: place(zkey.coefs),
    w: place(toMontLe(rootOfUnity(power), BN254_R)),
    winv: place(toMontLe(modInv(rootOfUnity(power), BN254_R), BN254_R)),
    ninv: place(toMontLe(modInv(BigInt(n), BN254_R), BN254_R)),
    shift: place(toMontLe(rootOfUnity(power + 1), BN254_R)),
  }

  async function prove(wtns: Uint8Array) {
    const values = readWitness(wtns, nVars)
    const t0 = performance.now()
    const mark = e.heap_mark()
    try {
      // The helper starts on A, B1, B2, C as soon as it has the witness.
      const helperW = helper?.run('w', values, ['A', 'B1', 'B2', 'C'])
      const wStd = place(values)
      const [A, B, C] = [e.alloc(n * FR), e.alloc(n * FR), e.alloc(n * FR)]
      const out = e.alloc(10 * G2J)
      if (!A || !B || !C || !out) throw new RangeError('the engine ran out of memory')
      e.g16_abc(constants.coefs, zkey.nCoefs, wStd, nVars, A, B, C, n)
      const t1 = performance.now()
      e.g16_h(A, B, C, power, constants.w, constants.winv, constants.ninv, constants.shift)
      const helperH = helper?.run('h', new Uint8Array(e.memory.buffer, A, n * FR), ['H'])
      const t2 = performance.now()
      const at = { A: out, B1: out + G1J, B2: out + 2 * G1J, C: out + 2 * G1J + G2J, H: out + 3 * G1J + G2J }
      const ms = {} as Record<MsmKind, number>
      for (const kind of ['A', 'B1', 'B2', 'C', 'H'] as const) {
        const t = performance.now()
        const part = mine[kind]
        const scalars = all[kind].slot === 'h' ? A : wStd + part.scalarStart * FR
        if (helper) (part.group === 1 ? e.g1_msm_part : e.g2_msm_part)(at[kind], part.ptr, scalars, part.count, MAIN_WINDOW_SHARE, 0)
        else (part.group === 1 ? e.g1_msm_resident : e.g2_msm_resident)(at[kind], part.ptr, scalars, part.count)
        ms[kind] = performance.now() - t
      }
      let helperMs = 0
      if (helperW && helperH) {
        const [w, h] = await Promise.all([helperW, helperH])
        helperMs = w.ms + h.ms
        const partials = e.alloc(4 * G1J + G2J)
        new Uint8Array(e.memory.buffer).set(w.points, partials)
        new Uint8Array(e.memory.buffer).set(h.points, partials + w.points.length)
        e.g1_add(at.A, at.A, partials)
        e.g1_add(at.B1, at.B1, partials + G1J)
        e.g2_add(at.B2, at.B2, partials + 2 * G1J)
        e.g1_add(at.C, at.C, partials + 2 * G1J + G2J)
        e.g1_add(at.H, at.H, partials + 3 * G1J + G2J)
      }
      const proof = assemble(e, constants, at, e.alloc(16 * G2J))
      const publicSignals = Array.from({ length: nPublic }, (_, i) => readLeValue(values, i + 1).toString())
      const total = performance.now() - t0
      return {
        proof,
        publicSignals,
        timings: { abc: t1 - t0, fft: t2 - t1, msmA: ms.A, msmB1: ms.B1, msmB2: ms.B2, msmC: ms.C, msmH: ms.H, helper: helperMs, total },
      }
    } finally {
      e.heap_reset(mark)
    }
  }
  return { zkey, threads, shared: helper ? shared : false, prove, terminate: async () => helper?.terminate() }
}

/** SharedArrayBuffer exists and may be posted: Node, or a cross-origin isolated page or worker. */
type Constants = { alpha1: number; beta1: number; beta2: number; delta1: number; delta2: number }
type Sums = Record<MsmKind, number>

/**
 * Groth16 with random r, s: A = alpha + sum w_i A_i + r delta, B = beta + sum w_i B_i + s delta (in G2
 * and, for C, in G1), C = sum_private w_i C_i + sum h_i H_i + s A + r B1 - r s delta.
 */
function assemble(e: EngineExports, k: Constants, m: Sums, scratch: number): Groth16Proof {
  const r = randomScalar(),
    s = randomScalar()
  const mem = () => new Uint8Array(e.memory.buffer)
  const scalar = (x: bigint) => {
    mem().set(toLe32(x), scratch)
    return scratch
  }
  const tmp = scratch + 64,
    aff = tmp + G2J,
    piA = aff + G2A,
    piB1 = piA + G1J,
    piB = piB1 + G1J,
    piC = piB + G2J,
    t = piC + G1J
  const g1Mul = (dst: number, affine: number, x: bigint) => e.g1_msm(dst, affine, scalar(x), 1)
  // A
  e.g1_from_affine(piA, k.alpha1)
  e.g1_add(piA, piA, m.A)
  g1Mul(tmp, k.delta1, r)
  e.g1_add(piA, piA, tmp)
  // B in G1 (only for C) and in G2
  e.g1_from_affine(piB1, k.beta1)
  e.g1_add(piB1, piB1, m.B1)
  g1Mul(tmp, k.delta1, s)
  e.g1_add(piB1, piB1, tmp)
  e.g2_from_affine(piB, k.beta2)
  e.g2_add(piB, piB, m.B2)
  e.g2_msm(tmp, k.delta2, scalar(s), 1)
  e.g2_add(piB, piB, tmp)
  // C
  e.g1_add(piC, m.C, m.H)
  e.g1_to_affine(aff, piA)
  g1Mul(t, aff, s)
  e.g1_add(piC, piC, t)
  e.g1_to_affine(aff, piB1)
  g1Mul(t, aff, r)
  e.g1_add(piC, piC, t)
  g1Mul(t, k.delta1, BN254_R - ((r * s) % BN254_R))
  e.g1_add(piC, piC, t)

  const fq = (ptr: number) => fromMontLe(mem().slice(ptr, ptr + 32), BN254_Q).toString()
  const g1 = (jac: number) => {
    e.g1_to_affine(aff, jac)
    return [fq(aff), fq(aff + 32), '1']
  }
  const pi_a = g1(piA),
    pi_c = g1(piC)
  e.g2_to_affine(aff, piB)
  const pi_b = [
    [fq(aff), fq(aff + 32)],
    [fq(aff + 64), fq(aff + 96)],
    ['1', '0'],
  ]
  return { pi_a, pi_b, pi_c, protocol: 'groth16', curve: 'bn128' }
}

function readLeValue(values: Uint8Array, index: number): bigint {
  let x = 0n
  for (let i = 31; i >= 0; i--) x = (x << 8n) | BigInt(values[index * 32 + i]!)
  return x
}
