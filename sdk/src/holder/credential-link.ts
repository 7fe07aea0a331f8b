import { serializeCredential } from '../credentials/serialize-credential.js'
import type { SignedCredential } from '../credentials/types.js'
import { InvalidInputError } from '../errors/validation.js'

/** The URL fragment parameter a credential link carries: `https://wallet.example/#proofx-credential=<base64url JSON>`. */
export const CREDENTIAL_LINK_PARAMETER = 'proofx-credential'

const toBase64Url = (bytes: Uint8Array) => {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const fromBase64Url = (text: string): Uint8Array => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

/**
 * A link that delivers a credential to the holder's page in its URL fragment. Browsers never send the fragment to
 * any server (not in requests, not in Referer), so the credential reaches only the page that reads it.
 * @example
 * const link = credentialLink('https://dapp.example/', credential) // https://dapp.example/#proofx-credential=eyJ…
 */
export function credentialLink(pageUrl: string | URL, credential: SignedCredential): string {
  const url = new URL(pageUrl)
  const json = JSON.stringify(JSON.parse(serializeCredential(credential)))
  url.hash = `${CREDENTIAL_LINK_PARAMETER}=${toBase64Url(new TextEncoder().encode(json))}`
  return url.href
}

/**
 * The credential JSON a link's fragment carries (`location.hash` or a whole URL), or undefined when it carries none.
 * Throws InvalidInputError when the parameter is there but is not base64url JSON. Validate the result (importing
 * into the credential store does).
 */
export function readCredentialLink(urlOrFragment: string): unknown {
  const fragment = urlOrFragment.includes('#') ? urlOrFragment.slice(urlOrFragment.indexOf('#') + 1) : urlOrFragment
  const value = new URLSearchParams(fragment).get(CREDENTIAL_LINK_PARAMETER)
  if (value === null) return undefined
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(value)))
  } catch (cause) {
    throw new InvalidInputError({ field: `link.${CREDENTIAL_LINK_PARAMETER}`, rule: 'must be base64url-encoded credential JSON', cause })
  }
}
