import { PolicyDocumentFetchError } from '../errors/policy.js'
import { parsePolicyDocument } from './parse-policy-document.js'
import type { PolicyDocument } from './policy-document.js'

export type FetchPolicyDocumentOptions = {
  /** Resolves a relative URL; defaults to the page's location in a browser. */
  baseUrl?: string | URL | undefined
  fetch?: typeof globalThis.fetch | undefined
}

/**
 * Downloads a published policy document and checks it (parsePolicyDocument). It is not trusted yet: compare its hash
 * with the contract's (getPublishedPolicy does both) before proving with it.
 */
export async function fetchPolicyDocument(url: string, { baseUrl, fetch = globalThis.fetch }: FetchPolicyDocumentOptions = {}): Promise<PolicyDocument> {
  const base = baseUrl ?? (globalThis as { location?: { href: string } }).location?.href
  let resolved: URL
  try {
    resolved = new URL(url, base)
  } catch (cause) {
    throw new PolicyDocumentFetchError({ source: url, reason: base ? 'not a valid URL' : 'a relative URL needs a baseUrl outside a browser', cause })
  }
  let response: Response
  try {
    response = await fetch(resolved, { headers: { accept: 'application/json' } })
  } catch (cause) {
    throw new PolicyDocumentFetchError({ source: resolved.href, reason: (cause as Error)?.message ?? String(cause), cause })
  }
  if (!response.ok) throw new PolicyDocumentFetchError({ source: resolved.href, reason: `HTTP ${response.status} ${response.statusText}`.trim() })
  let json: unknown
  try {
    json = await response.json()
  } catch (cause) {
    throw new PolicyDocumentFetchError({ source: resolved.href, reason: 'the response is not JSON', cause })
  }
  return parsePolicyDocument(json)
}
