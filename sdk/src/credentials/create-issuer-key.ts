import { derivePublicKey } from '@zk-kit/eddsa-poseidon'
import { bytesToHex, hexToBytes, type Hex } from 'viem'
import { hashIssuerKey } from './hash-issuer-key.js'
import type { IssuerKey } from './types.js'

/**
 * Creates an issuer's EdDSA-Poseidon (BabyJubJub) key, or restores one from its private key.
 * @example
 * const issuer = createIssuerKey()
 * // register issuer.keyHash on the verifier contract
 */
export function createIssuerKey(privateKey?: Hex): IssuerKey {
  const secret = privateKey ?? bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(32)))
  const [x, y] = derivePublicKey(hexToBytes(secret))
  const publicKey = [BigInt(x), BigInt(y)] as const
  return { privateKey: secret, publicKey, keyHash: hashIssuerKey(publicKey) }
}
