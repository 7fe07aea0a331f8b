import type { Hex } from 'viem'
import { VerificationKeyMismatchError } from '../errors/artifacts.js'
import { hashVerificationKey, type VerificationKey } from './hash-verification-key.js'

export type AssertVerificationKeyMatchesErrorType = VerificationKeyMismatchError

/**
 * Refuses artifacts whose verification key is not the one the verifier contract uses (its
 * `verificationKeyHash`), before the user waits for a proof that would fail on-chain.
 * @example
 * assertVerificationKeyMatches(artifacts.vkey, await client.readContract({ ..., functionName: 'verificationKeyHash' }))
 */
export function assertVerificationKeyMatches(vkey: VerificationKey | Hex, expectedHash: Hex): void {
  const actual = typeof vkey === 'string' ? vkey : hashVerificationKey(vkey)
  if (actual.toLowerCase() !== expectedHash.toLowerCase()) throw new VerificationKeyMismatchError({ expected: expectedHash, actual })
}
