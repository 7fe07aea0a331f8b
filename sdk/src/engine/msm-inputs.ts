import type { Zkey } from './read-zkey.js'
import type { MsmKind, ScalarSlot } from './thread-protocol.js'

/** What one of a proof's five MSMs multiplies: its group, the zkey's bases, and which scalars (slot, first index, count). */
export type MsmInput = { group: 1 | 2; bases: Uint8Array; slot: ScalarSlot; scalarStart: number; count: number }

/**
 * The five MSMs of a Groth16 proof on a zkey: A, B1, B2 over every signal of the witness, C over the
 * private signals only (after the constant 1 and the public ones), H over the quotient's coefficients.
 */
export function msmInputs(zkey: Zkey): Record<MsmKind, MsmInput> {
  const { nVars, nPublic, domainSize } = zkey
  const privateStart = nPublic + 1
  return {
    A: { group: 1, bases: zkey.pointsA, slot: 'w', scalarStart: 0, count: nVars },
    B1: { group: 1, bases: zkey.pointsB1, slot: 'w', scalarStart: 0, count: nVars },
    B2: { group: 2, bases: zkey.pointsB2, slot: 'w', scalarStart: 0, count: nVars },
    C: { group: 1, bases: zkey.pointsC, slot: 'w', scalarStart: privateStart, count: nVars - privateStart },
    H: { group: 1, bases: zkey.pointsH, slot: 'h', scalarStart: 0, count: domainSize },
  }
}
