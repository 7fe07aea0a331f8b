import { unpackContext } from '../../credentials/pack-context.js'
import type { Groth16Proof } from './proof-backend.js'
import type { SolidityProof } from './relayer.js'

/**
 * snarkjs proof + public signals -> the contract's ProofXProof struct. B's coordinates are swapped
 * (Fp2 elements are (c1, c0) on the EVM), the same order exportSolidityCallData writes.
 * Signals: 0 issuerKeyHash, 1 nullifier, 2 policyHash, 3 context (subject, now and scope tag packed; the
 * timestamp is read back from it).
 */
export function toSolidityProof(proof: Groth16Proof, publicSignals: readonly string[]): SolidityProof {
  const n = (v: string | undefined) => BigInt(v!)
  return {
    issuerKeyHash: n(publicSignals[0]),
    nullifier: n(publicSignals[1]),
    timestamp: unpackContext(n(publicSignals[3])).now,
    a: [n(proof.pi_a[0]), n(proof.pi_a[1])],
    b: [
      [n(proof.pi_b[0]![1]), n(proof.pi_b[0]![0])],
      [n(proof.pi_b[1]![1]), n(proof.pi_b[1]![0])],
    ],
    c: [n(proof.pi_c[0]), n(proof.pi_c[1])],
  }
}
