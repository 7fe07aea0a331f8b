import { verifySignature } from '@zk-kit/eddsa-poseidon'
import { hashCredential } from './hash-credential.js'
import type { SignedCredential } from './types.js'

// A check is ~35 ms of BigInt curve arithmetic and prove() runs it on every call, so the last few credentials
// that verified are remembered by their full content (a retry or a renewal of the same credential skips it).
// Only successes are kept: a credential that failed is checked again next time.
const REMEMBERED = 16
const verified = new Set<string>()

/** Checks the issuer's signature without proving anything. */
export function verifyCredentialSignature(credential: SignedCredential): boolean {
  const key = JSON.stringify([credential.attributes, credential.signature, credential.issuerPublicKey], (_, v) => (typeof v === 'bigint' ? `${v}n` : v))
  if (verified.has(key)) return true
  let valid: boolean
  try {
    valid = verifySignature(hashCredential(credential.attributes), { R8: [...credential.signature.R8], S: credential.signature.S }, [
      ...credential.issuerPublicKey,
    ])
  } catch {
    valid = false
  }
  if (valid) {
    verified.add(key)
    if (verified.size > REMEMBERED) verified.delete(verified.values().next().value!)
  }
  return valid
}
