/// <reference path="../types/snarkjs.d.ts" />
import * as snarkjs from 'snarkjs'
import type { VerificationKey } from '../artifacts/hash-verification-key.js'
import type { ProveReturnType } from './types.js'

/**
 * Checks a proof locally against a verification key, in the calling thread. snarkjs starts its
 * threaded curve for this; in Node call `terminateCurve()` when done so the process can exit.
 * @example
 * const ok = await verifyProof(result, vkey)
 */
export function verifyProof(result: Pick<ProveReturnType, 'proof' | 'publicSignals'>, vkey: VerificationKey): Promise<boolean> {
  return snarkjs.groth16.verify(vkey, [...result.publicSignals], result.proof)
}

/** Ends the BN254 curve threads snarkjs caches in this thread (globalThis.curve_bn128). */
export async function terminateCurve(): Promise<void> {
  const holder = globalThis as { curve_bn128?: { terminate(): Promise<void> } | null }
  const curve = holder.curve_bn128
  if (curve) await curve.terminate()
}
