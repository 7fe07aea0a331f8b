import { createHash, timingSafeEqual } from 'node:crypto'

/** sha256 hex of an API key: what the service stores (`PROOFX_API_KEY_SHA256`), never the key itself. */
export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex')

/**
 * Checks presented API keys against stored sha256 hashes. The presented key is hashed first, so every
 * comparison is of 32 bytes with `timingSafeEqual`, and every stored hash is compared (no early exit).
 */
export function createApiKeyCheck(sha256Hashes: readonly string[]): (presented: string | undefined) => boolean {
  const stored = sha256Hashes.map((hex) => {
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('an API key hash must be 64 hex digits (sha256 of the key)')
    return Buffer.from(hex, 'hex')
  })
  return (presented) => {
    if (!presented) return false
    const digest = createHash('sha256').update(presented, 'utf8').digest()
    let match = false
    for (const hash of stored) match = timingSafeEqual(digest, hash) || match
    return match
  }
}

/** The key a request carries: `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function presentedApiKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const bearer = typeof headers.authorization === 'string' ? /^Bearer\s+(.+)$/i.exec(headers.authorization)?.[1] : undefined
  const header = headers['x-api-key']
  return bearer ?? (typeof header === 'string' ? header : undefined)
}
