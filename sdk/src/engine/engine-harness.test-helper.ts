// Helpers for the engine's differential tests (next to them: they reach the engine's internals; never built): an engine instance with scratch memory, and
// conversions between its byte layout and bigints / ffjavascript's buffers (the reference).
import * as snarkjs from 'snarkjs'
import { BN254_Q, BN254_R } from './bn254.js'
import { instantiateEngine, type EngineExports } from './engine-module.js'
import { fromMontLe, toLe32, toMontLe } from './field-bytes.js'

export type Harness = {
  e: EngineExports
  /** Copies bytes into the engine's memory; returns the pointer. */
  put(bytes: Uint8Array): number
  get(ptr: number, length: number): Uint8Array
  alloc(length: number): number
}

export async function engineHarness(): Promise<Harness> {
  const e = await instantiateEngine()
  const alloc = (length: number) => e.alloc(length)
  return {
    e,
    alloc,
    put(bytes) {
      const ptr = alloc(bytes.length)
      new Uint8Array(e.memory.buffer).set(bytes, ptr)
      return ptr
    },
    get: (ptr, length) => new Uint8Array(e.memory.buffer).slice(ptr, ptr + length),
  }
}

type Curve = {
  G1: RefGroup
  G2: RefGroup
  Fr: { fft(buff: Uint8Array): Promise<Uint8Array>; ifft(buff: Uint8Array): Promise<Uint8Array> }
  F2: { mul(a: Uint8Array, b: Uint8Array): Uint8Array; inv(a: Uint8Array): Uint8Array }
  terminate(): Promise<void>
}
type RefGroup = {
  multiExpAffine(bases: Uint8Array, scalars: Uint8Array): Promise<Uint8Array>
  toAffine(p: Uint8Array): Uint8Array
  toObject(p: Uint8Array): bigint[] | bigint[][]
}

/** ffjavascript's BN254, single-threaded (the reference these tests compare against). */
export const referenceCurve = () => snarkjs.curves.getCurveFromName('bn128', { singleThread: true }) as Promise<Curve>

/** A uniformly random element below m (test data, Math.random is not enough for 254 bits). */
export function randomBelow(m: bigint): bigint {
  const bytes = new Uint8Array(40)
  crypto.getRandomValues(bytes)
  let x = 0n
  for (const b of bytes) x = (x << 8n) | BigInt(b)
  return x % m
}

export const q = BN254_Q
export const r = BN254_R
export { fromMontLe, toLe32, toMontLe }

/** The engine's affine G1 bytes (Montgomery LE, (0,0) = infinity) as ffjavascript's toObject prints it. */
export function g1Object(affine: Uint8Array): bigint[] {
  const x = fromMontLe(affine.subarray(0, 32), q),
    y = fromMontLe(affine.subarray(32, 64), q)
  return x === 0n && y === 0n ? [0n, 1n, 0n] : [x, y, 1n]
}

export function g2Object(affine: Uint8Array): bigint[][] {
  const c = [0, 1, 2, 3].map((i) => fromMontLe(affine.subarray(32 * i, 32 * i + 32), q))
  return c.every((v) => v === 0n)
    ? [
        [0n, 0n],
        [1n, 0n],
        [0n, 0n],
      ]
    : [
        [c[0]!, c[1]!],
        [c[2]!, c[3]!],
        [1n, 0n],
      ]
}

/** n scalars of a kind, 32 bytes LE each. */
export function scalars(n: number, kind: 'zero' | 'one' | 'small' | 'full' | 'minusOne' | 'mixed'): Uint8Array {
  const out = new Uint8Array(32 * n)
  const pick = ['zero', 'one', 'small', 'full', 'minusOne'] as const
  for (let i = 0; i < n; i++) {
    const k = kind === 'mixed' ? pick[Math.floor(Math.random() * pick.length)]! : kind
    const v = k === 'zero' ? 0n : k === 'one' ? 1n : k === 'small' ? BigInt(1 + Math.floor(Math.random() * 5000)) : k === 'full' ? randomBelow(r) : r - 1n
    out.set(toLe32(v), 32 * i)
  }
  return out
}
