import { unpackContext } from '../credentials/pack-context.js'
import { PUBLIC_SIGNAL_COUNT, publicSignalIndex } from '../credentials/public-signals.js'
import { InvalidProofFormatError } from '../errors/contract.js'

/** The contract's ProofXProof struct: the signals the prover chooses and the proof points. */
export type ProofXProof = {
  issuerKeyHash: bigint
  nullifier: bigint
  timestamp: bigint
  a: readonly [bigint, bigint]
  b: readonly [readonly [bigint, bigint], readonly [bigint, bigint]]
  c: readonly [bigint, bigint]
}

/** What snarkjs `groth16.fullProve` (and the SDK prover) returns; signals in the circuit's order. */
export type Groth16ProofOutput = {
  proof: { pi_a: readonly string[]; pi_b: readonly (readonly string[])[]; pi_c: readonly string[] }
  publicSignals: readonly string[]
}

const toBigInt = (value: string | undefined, field: string): bigint => {
  if (typeof value !== 'string' || !/^(0x[0-9a-fA-F]+|\d+)$/.test(value))
    throw new InvalidProofFormatError({ field, rule: 'expected a decimal or hex integer string' })
  return BigInt(value)
}

/**
 * The contract struct for a snarkjs proof. The G2 point `b` has its coordinate pairs swapped, as
 * `groth16.exportSolidityCallData` prints them (the EIP-197 precompile wants (x1, x0)).
 * @example
 * const { proof, publicSignals } = await prover.prove(...)
 * const struct = toProofXProof({ proof, publicSignals })
 */
export function toProofXProof({ proof, publicSignals }: Groth16ProofOutput): ProofXProof {
  if (!Array.isArray(publicSignals) || publicSignals.length !== PUBLIC_SIGNAL_COUNT)
    throw new InvalidProofFormatError({
      field: 'publicSignals',
      rule: `expected ${PUBLIC_SIGNAL_COUNT} public signals, got ${Array.isArray(publicSignals) ? publicSignals.length : typeof publicSignals}`,
    })
  if (!proof || !Array.isArray(proof.pi_a) || !Array.isArray(proof.pi_b) || !Array.isArray(proof.pi_c) || proof.pi_b.length < 2)
    throw new InvalidProofFormatError({ field: 'proof', rule: 'expected pi_a, pi_b and pi_c' })
  // Every signal must parse, not just the two the struct carries: the SDK reads policyHash and context too.
  publicSignals.forEach((signal, i) => {
    toBigInt(signal, `publicSignals[${i}]`)
  })
  const signal = (name: keyof typeof publicSignalIndex) => toBigInt(publicSignals[publicSignalIndex[name]], `publicSignals[${publicSignalIndex[name]}]`)
  const g2 = (row: readonly string[] | undefined, i: number) => {
    if (!Array.isArray(row)) throw new InvalidProofFormatError({ field: `proof.pi_b[${i}]`, rule: 'expected a pair of coordinates' })
    return [toBigInt(row[1], `proof.pi_b[${i}][1]`), toBigInt(row[0], `proof.pi_b[${i}][0]`)] as const
  }
  return {
    issuerKeyHash: signal('issuerKeyHash'),
    nullifier: signal('nullifier'),
    timestamp: unpackContext(signal('context')).now,
    a: [toBigInt(proof.pi_a[0], 'proof.pi_a[0]'), toBigInt(proof.pi_a[1], 'proof.pi_a[1]')],
    b: [g2(proof.pi_b[0], 0), g2(proof.pi_b[1], 1)],
    c: [toBigInt(proof.pi_c[0], 'proof.pi_c[0]'), toBigInt(proof.pi_c[1], 'proof.pi_c[1]')],
  }
}
