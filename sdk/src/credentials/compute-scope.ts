import { hexToBigInt, type Address } from 'viem'

/**
 * scope = chainId << 160 | verifier address: public signal 5. The contract computes the same value
 * itself, so a proof is bound to one chain and one verifier contract (the policy id is inside policyHash).
 */
export function computeScope(chainId: number | bigint, verifier: Address): bigint {
  const id = BigInt(chainId)
  if (id < 0n || id >= 1n << 64n) throw new RangeError(`chainId ${id} does not fit in 64 bits`)
  return (id << 160n) | hexToBigInt(verifier)
}
