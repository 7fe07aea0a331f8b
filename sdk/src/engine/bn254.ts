/** BN254 (circom's "bn128"): base field prime q and scalar field prime r. */
export const BN254_Q = 21888242871839275222246405745257275088696311157297823662689037894645226208583n
export const BN254_R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n

/** Montgomery radix of the engine's fields (8 x 32-bit limbs), as in the zkey's point encoding. */
export const MONT_R = 1n << 256n

export const mod = (x: bigint, m: bigint) => ((x % m) + m) % m

export function modPow(base: bigint, exponent: bigint, m: bigint): bigint {
  let result = 1n,
    b = mod(base, m),
    e = exponent
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m
    b = (b * b) % m
    e >>= 1n
  }
  return result
}

export const modInv = (x: bigint, m: bigint) => modPow(x, m - 2n, m)

/**
 * A primitive 2^k-th root of unity of Fr: 5 generates Fr* (r - 1 = 2^28 * odd), so 5^((r-1)/2^28)
 * has order 2^28, and squaring it 28 - k times gives order 2^k. The zkey's H points are built
 * over these same roots (tested against the committed zkey's proofs).
 */
export function rootOfUnity(k: number): bigint {
  let w = modPow(5n, (BN254_R - 1n) >> 28n, BN254_R)
  for (let i = 28; i > k; i--) w = (w * w) % BN254_R
  return w
}
