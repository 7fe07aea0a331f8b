import { InvalidInputError } from '../errors/validation.js'
import { parseCredential } from '../validation/parse-input.js'
import type { SignedCredential } from './types.js'

/** JSON text of a credential; bigints become decimal strings so nothing is lost. */
export function serializeCredential(credential: SignedCredential): string {
  return JSON.stringify(credential, (_key, value) => (typeof value === 'bigint' ? value.toString() : value), 2)
}

/**
 * The inverse of serializeCredential. The text may come from anywhere, so its shape is checked:
 * InvalidInputError naming the field (`credential.attributes.salt`, …) rather than a SyntaxError or TypeError.
 * The signature and policy are checked later, by `validateProofInput` / `prove()`.
 */
export function deserializeCredential(json: string): SignedCredential {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (cause) {
    throw new InvalidInputError({ field: 'credential', rule: `must be JSON text (${(cause as Error).message})`, cause })
  }
  return parseCredential(raw)
}
