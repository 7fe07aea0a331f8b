import { getAddress, numberToHex, type Address } from 'viem'
import { unpackContext } from '../credentials/pack-context.js'
import { publicSignalIndex } from '../credentials/public-signals.js'
import type { ProofXPublicSignals } from './types.js'

/** The signals by name, with subject, now and the scope tag unpacked from `context`. */
export function namePublicSignals(publicSignals: readonly string[]): ProofXPublicSignals {
  const signal = (name: keyof typeof publicSignalIndex) => BigInt(publicSignals[publicSignalIndex[name]]!)
  const { subject, now, scopeTag } = unpackContext(signal('context'))
  const [issuerKeyHash, nullifier, policyHash] = [signal('issuerKeyHash'), signal('nullifier'), signal('policyHash')]
  return { issuerKeyHash, nullifier, policyHash, subject, now, scope: scopeTag }
}

export function signalToAddress(subject: bigint): Address {
  return getAddress(numberToHex(subject, { size: 20 }))
}
