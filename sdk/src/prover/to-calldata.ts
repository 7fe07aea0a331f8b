import { getAddress, numberToHex, type Address } from 'viem'
import { unpackContext } from '../credentials/pack-context.js'
import type { Groth16Proof, ProofXProofStruct, ProofXPublicSignals } from './types.js'

/** Public signal names in circuit order (circuits/compliance.circom). */
export const PUBLIC_SIGNAL_NAMES = ['issuerKeyHash', 'nullifier', 'policyHash', 'context'] as const

/** The signals by name, with subject, now and the scope tag unpacked from `context` (the last signal). */
export function namePublicSignals(publicSignals: readonly string[]): ProofXPublicSignals {
  const [issuerKeyHash, nullifier, policyHash, context] = PUBLIC_SIGNAL_NAMES.map((_, i) => BigInt(publicSignals[i]!)) as [bigint, bigint, bigint, bigint]
  const { subject, now, scopeTag } = unpackContext(context)
  return { issuerKeyHash, nullifier, policyHash, subject, now, scope: scopeTag }
}

export function signalToAddress(subject: bigint): Address {
  return getAddress(numberToHex(subject, { size: 20 }))
}

/**
 * The ProofXProof struct for ProofXVerifier.submitProof. G2 coordinates are swapped (x1, x0) as the
 * EVM pairing precompile expects, exactly like snarkjs's exportSolidityCallData.
 */
export function toProofStruct(proof: Groth16Proof, signals: ProofXPublicSignals): ProofXProofStruct {
  const n = (s: string | undefined) => BigInt(s!)
  return {
    issuerKeyHash: signals.issuerKeyHash,
    nullifier: signals.nullifier,
    timestamp: signals.now,
    a: [n(proof.pi_a[0]), n(proof.pi_a[1])],
    b: [
      [n(proof.pi_b[0]![1]), n(proof.pi_b[0]![0])],
      [n(proof.pi_b[1]![1]), n(proof.pi_b[1]![0])],
    ],
    c: [n(proof.pi_c[0]), n(proof.pi_c[1])],
  }
}
