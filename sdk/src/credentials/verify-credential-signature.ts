import { verifySignature } from '@zk-kit/eddsa-poseidon'
import { hashCredential } from './hash-credential.js'
import type { SignedCredential } from './types.js'

/** Checks the issuer's signature without proving anything. */
export function verifyCredentialSignature(credential: SignedCredential): boolean {
  try {
    return verifySignature(hashCredential(credential.attributes), { R8: [...credential.signature.R8], S: credential.signature.S }, [...credential.issuerPublicKey])
  } catch {
    return false
  }
}
