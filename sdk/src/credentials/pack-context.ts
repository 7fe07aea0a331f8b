import { SNARK_SCALAR_FIELD } from './limits.js'
import { contextFieldLayout } from './public-signals.js'

const { subject: SUBJECT, now: NOW, scopeTag: SCOPE_TAG } = contextFieldLayout
const mask = (bits: bigint) => (1n << bits) - 1n

export type ProofContext = {
  /** uint160 of the subject address (160 bits). */
  subject: bigint
  /** Unix seconds the proof speaks for (40 bits). */
  now: bigint
  /** The scope tag, computeScope(chainId, verifier) (53 bits). */
  scopeTag: bigint
}

/**
 * The `context` public signal: `subject + now * 2^160 + scopeTag * 2^200` in the BN254 scalar field (the layout is
 * CONTEXT_FIELDS). For values in range (160, 40 and 53 bits) it is below 2^253 and equals what the contract builds,
 * `uint160(subject) | timestamp << 160 | scopeTag << 200`. Like buildCircuitInput it checks no range (validate
 * first): out-of-range values give a context the circuit's range checks reject.
 * @example
 * const context = packContext({ subject: hexToBigInt(account), now: 1_767_225_600n, scopeTag: computeScope(31337, proxy) })
 */
export function packContext({ subject, now, scopeTag }: ProofContext): bigint {
  const packed = (subject << SUBJECT.offset) + (now << NOW.offset) + (scopeTag << SCOPE_TAG.offset)
  return ((packed % SNARK_SCALAR_FIELD) + SNARK_SCALAR_FIELD) % SNARK_SCALAR_FIELD
}

/** The inverse of packContext for a context a valid proof carries: subject, now and scopeTag read back from it. */
export function unpackContext(context: bigint): ProofContext {
  return {
    subject: (context >> SUBJECT.offset) & mask(SUBJECT.bits),
    now: (context >> NOW.offset) & mask(NOW.bits),
    scopeTag: (context >> SCOPE_TAG.offset) & mask(SCOPE_TAG.bits),
  }
}
