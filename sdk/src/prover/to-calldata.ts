import { getAddress, numberToHex, type Address } from 'viem'
import { unpackContext } from '../credentials/pack-context.js'
import type { ProofXPublicSignals } from './types.js'

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
