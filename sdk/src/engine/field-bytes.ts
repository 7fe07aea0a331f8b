import { MONT_R, mod, modInv } from './bn254.js'
import { readLe } from './read-zkey.js'

/** 32 little-endian bytes of x (x < 2^256). */
export function toLe32(x: bigint): Uint8Array {
  const out = new Uint8Array(32)
  for (let i = 0; i < 32; i++) out[i] = Number((x >> BigInt(8 * i)) & 0xffn)
  return out
}

/** Montgomery form x * 2^256 mod m, as the engine and the zkey store field elements. */
export const toMontLe = (x: bigint, m: bigint) => toLe32(mod(x * MONT_R, m))

const rInverse = new Map<bigint, bigint>()
/** The integer a Montgomery-form element stands for. */
export function fromMontLe(bytes: Uint8Array, m: bigint): bigint {
  let inv = rInverse.get(m)
  if (inv === undefined) {
    inv = modInv(MONT_R % m, m)
    rInverse.set(m, inv)
  }
  return (readLe(bytes) * inv) % m
}
