import { BN254_Q, BN254_R, modInv, rootOfUnity } from './bn254.js'
import { instantiateEngine, type EngineExports } from './engine-module.js'
import { fromMontLe, toLe32, toMontLe } from './field-bytes.js'
import { randomScalar } from './random-scalar.js'
import { readWitness } from './read-witness.js'
import { readZkey, type Zkey } from './read-zkey.js'
import type { Groth16Proof } from '../prover/types.js'

/** Milliseconds per stage of one engine proof. */
export type EngineTimings = { abc: number; fft: number; msmA: number; msmB1: number; msmB2: number; msmC: number; msmH: number; total: number }

export type Groth16Engine = {
  zkey: Zkey
  /** Proves from circom's binary witness (.wtns); same result shape as snarkjs.groth16.prove. */
  prove(wtns: Uint8Array): { proof: Groth16Proof; publicSignals: string[]; timings: EngineTimings }
}

const G1J = 96, G1A = 64, G2J = 192, G2A = 128, FR = 32

/**
 * Loads a zkey into a fresh engine instance: its sections are copied into the module's memory once
 * and stay there; each proof's buffers live above a mark that is reset afterwards, so repeated
 * proofs reuse one allocation.
 */
export async function createGroth16Engine(zkeyBytes: Uint8Array): Promise<Groth16Engine> {
  const zkey = readZkey(zkeyBytes)
  const e = await instantiateEngine()
  const place = (bytes: Uint8Array) => {
    const ptr = e.alloc(bytes.length)
    if (!ptr) throw new RangeError(`the engine could not allocate ${bytes.length} bytes`)
    new Uint8Array(e.memory.buffer, ptr, bytes.length).set(bytes)
    return ptr
  }
  const { nVars, nPublic, domainSize: n, power } = zkey
  const resident = {
    coefs: place(zkey.coefs), A: place(zkey.pointsA), B1: place(zkey.pointsB1), B2: place(zkey.pointsB2), C: place(zkey.pointsC), H: place(zkey.pointsH),
    alpha1: place(zkey.alpha1), beta1: place(zkey.beta1), beta2: place(zkey.beta2), delta1: place(zkey.delta1), delta2: place(zkey.delta2),
    w: place(toMontLe(rootOfUnity(power), BN254_R)),
    winv: place(toMontLe(modInv(rootOfUnity(power), BN254_R), BN254_R)),
    ninv: place(toMontLe(modInv(BigInt(n), BN254_R), BN254_R)),
    shift: place(toMontLe(rootOfUnity(power + 1), BN254_R)),
  }

  function prove(wtns: Uint8Array) {
    const values = readWitness(wtns, nVars)
    const t0 = performance.now()
    const mark = e.heap_mark()
    try {
      const wStd = place(values)
      const [A, B, C] = [e.alloc(n * FR), e.alloc(n * FR), e.alloc(n * FR)]
      const out = e.alloc(16 * G2J)
      if (!A || !B || !C || !out) throw new RangeError('the engine ran out of memory')
      e.g16_abc(resident.coefs, zkey.nCoefs, wStd, nVars, A, B, C, n)
      const t1 = performance.now()
      e.g16_h(A, B, C, power, resident.w, resident.winv, resident.ninv, resident.shift)
      const t2 = performance.now()
      const [mA, mB1, mB2, mC, mH] = [out, out + G1J, out + 2 * G1J, out + 2 * G1J + G2J, out + 3 * G1J + G2J]
      e.g1_msm(mA, resident.A, wStd, nVars)
      const t3 = performance.now()
      e.g1_msm(mB1, resident.B1, wStd, nVars)
      const t4 = performance.now()
      e.g2_msm(mB2, resident.B2, wStd, nVars)
      const t5 = performance.now()
      e.g1_msm(mC, resident.C, wStd + (nPublic + 1) * FR, nVars - nPublic - 1)
      const t6 = performance.now()
      e.g1_msm(mH, resident.H, A, n)
      const t7 = performance.now()
      const proof = assemble(e, resident, { mA, mB1, mB2, mC, mH }, e.alloc(16 * G2J))
      const publicSignals = Array.from({ length: nPublic }, (_, i) => readLeValue(values, i + 1).toString())
      const t8 = performance.now()
      return { proof, publicSignals, timings: { abc: t1 - t0, fft: t2 - t1, msmA: t3 - t2, msmB1: t4 - t3, msmB2: t5 - t4, msmC: t6 - t5, msmH: t7 - t6, total: t8 - t0 } }
    } finally {
      e.heap_reset(mark)
    }
  }
  return { zkey, prove }
}

type Resident = { alpha1: number; beta1: number; beta2: number; delta1: number; delta2: number }
type Partials = { mA: number; mB1: number; mB2: number; mC: number; mH: number }

/**
 * Groth16 with random r, s: A = alpha + sum w_i A_i + r delta, B = beta + sum w_i B_i + s delta (in G2
 * and, for C, in G1), C = sum_private w_i C_i + sum h_i H_i + s A + r B1 - r s delta.
 */
function assemble(e: EngineExports, k: Resident, m: Partials, scratch: number): Groth16Proof {
  const r = randomScalar(), s = randomScalar()
  const mem = () => new Uint8Array(e.memory.buffer)
  const scalar = (x: bigint) => {
    mem().set(toLe32(x), scratch)
    return scratch
  }
  const tmp = scratch + 64, aff = tmp + G2J, piA = aff + G2A, piB1 = piA + G1J, piB = piB1 + G1J, piC = piB + G2J, t = piC + G1J
  const g1Mul = (dst: number, affine: number, x: bigint) => e.g1_msm(dst, affine, scalar(x), 1)
  // A
  e.g1_from_affine(piA, k.alpha1)
  e.g1_add(piA, piA, m.mA)
  g1Mul(tmp, k.delta1, r)
  e.g1_add(piA, piA, tmp)
  // B in G1 (only for C) and in G2
  e.g1_from_affine(piB1, k.beta1)
  e.g1_add(piB1, piB1, m.mB1)
  g1Mul(tmp, k.delta1, s)
  e.g1_add(piB1, piB1, tmp)
  e.g2_from_affine(piB, k.beta2)
  e.g2_add(piB, piB, m.mB2)
  e.g2_msm(tmp, k.delta2, scalar(s), 1)
  e.g2_add(piB, piB, tmp)
  // C
  e.g1_add(piC, m.mC, m.mH)
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
  const pi_a = g1(piA), pi_c = g1(piC)
  e.g2_to_affine(aff, piB)
  const pi_b = [[fq(aff), fq(aff + 32)], [fq(aff + 64), fq(aff + 96)], ['1', '0']]
  return { pi_a, pi_b, pi_c, protocol: 'groth16', curve: 'bn128' }
}

function readLeValue(values: Uint8Array, index: number): bigint {
  let x = 0n
  for (let i = 31; i >= 0; i--) x = (x << 8n) | BigInt(values[index * 32 + i]!)
  return x
}
