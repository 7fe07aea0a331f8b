import { encodeAbiParameters, hexToBigInt, keccak256, maxUint256, type Address } from 'viem'
import { contextFieldLayout } from './public-signals.js'

/** scopeTag < 2^53: the width `context` gives it, which the circuit range-checks. */
const SCOPE_TAG_BITS = contextFieldLayout.scopeTag.bits

/**
 * The scope tag: `keccak256(abi.encode(chainId, verifier)) mod 2^53`, the deployment a proof is bound to.
 * It enters the nullifier (`Poseidon(credentialHash, scopeTag)`) and, packed with subject and now, the
 * `context` public signal. ProofXVerifier computes the same value itself (`_scopeTag()`, with
 * `block.chainid` and its own proxy address), so a proof made for another chain or contract fails.
 * This is the one place the SDK computes it: the prover, the relayer and revocation tooling all call it.
 * @example
 * const scopeTag = computeScope(31337, deployment.proxy)
 * const nullifier = computeNullifier(credential.attributes, scopeTag)
 */
export function computeScope(chainId: number | bigint, verifier: Address): bigint {
  const id = BigInt(chainId)
  // The contract hashes block.chainid as a uint256.
  if (id < 0n || id > maxUint256) throw new RangeError(`chainId ${id} is not a uint256`)
  const digest = keccak256(encodeAbiParameters([{ type: 'uint256' }, { type: 'address' }], [id, verifier]))
  return hexToBigInt(digest) & ((1n << SCOPE_TAG_BITS) - 1n)
}
