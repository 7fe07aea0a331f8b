import { poseidon2 } from 'poseidon-lite/poseidon2'
import { hashCredential } from './hash-credential.js'
import type { CredentialAttributes } from './types.js'

/**
 * nullifier = Poseidon(credentialHash, scope): public signal 1. The issuer can compute it from what it
 * signed to revoke the credential on one deployment, for every policy at once.
 */
export function computeNullifier(attributes: CredentialAttributes, scope: bigint): bigint {
  return poseidon2([hashCredential(attributes), scope])
}
