import { poseidon2 } from 'poseidon-lite/poseidon2'
import { hashCredential } from './hash-credential.js'
import type { CredentialAttributes } from './types.js'

/**
 * nullifier = Poseidon(credentialHash, scopeTag): public signal 1, with scopeTag = computeScope(chainId, verifier).
 * The issuer can compute it from what it signed to revoke the credential on one deployment, for every policy at once:
 * from the attributes, or from the credential hash alone (hashCredential), which is all an issuance ledger keeps.
 */
export function computeNullifier(credential: CredentialAttributes | bigint, scopeTag: bigint): bigint {
  return poseidon2([typeof credential === 'bigint' ? credential : hashCredential(credential), scopeTag])
}
