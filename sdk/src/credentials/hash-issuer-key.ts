import { poseidon2 } from 'poseidon-lite/poseidon2'
import type { IssuerPublicKey } from './types.js'

/** Poseidon(Ax, Ay): the issuer key hash, public signal 0. */
export function hashIssuerKey(publicKey: IssuerPublicKey): bigint {
  return poseidon2([publicKey[0], publicKey[1]])
}
