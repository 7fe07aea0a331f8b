import { BN254_R } from './bn254.js'

/** A uniform non-zero element of Fr from the platform's CSPRNG (rejection sampling, no modulo bias). */
export function randomScalar(): bigint {
  const bytes = new Uint8Array(32)
  for (;;) {
    crypto.getRandomValues(bytes)
    bytes[31]! &= 0x3f // r < 2^254
    let x = 0n
    for (let i = 31; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i]!)
    if (x !== 0n && x < BN254_R) return x
  }
}
