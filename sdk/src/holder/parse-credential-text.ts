import type { SignedCredential } from '../credentials/types.js'
import { verifyCredentialSignature } from '../credentials/verify-credential-signature.js'
import { InvalidInputError, InvalidSignatureError } from '../errors/validation.js'
import { checkCredentialRanges } from '../validation/check-ranges.js'
import { parseCredential } from '../validation/parse-input.js'

/**
 * Checks a credential a holder brings (pasted text, a file's text, a link's JSON or an object) with the prover's own
 * rules and messages: shape (InvalidInputError naming the field), circuit ranges (OutOfRangeError) and the issuer's
 * signature (InvalidSignatureError). Policy rules and expiry are not checked here: an expired credential can still be kept.
 */
export function parseCredentialInput(input: unknown): SignedCredential {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (cause) {
      throw new InvalidInputError({ field: 'credential', rule: `is not valid JSON (${(cause as Error).message})`, cause })
    }
  }
  const credential = parseCredential(value)
  checkCredentialRanges(credential)
  if (!verifyCredentialSignature(credential)) throw new InvalidSignatureError()
  return credential
}
