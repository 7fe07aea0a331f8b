import { InvalidInputError } from '@proofx/sdk'
import type { ProverServerOptions } from '../server/create-prover-server.js'

/**
 * `--trust-proxy` (PROOFX_TRUST_PROXY): comma-separated addresses/CIDRs of the load balancers, or `true`
 * (every peer: only behind a proxy that overwrites the header). Unset: no proxy is trusted and the peer is the client.
 */
export function parseTrustProxy(value: string | undefined): ProverServerOptions['trustProxy'] {
  if (!value) return undefined
  if (value === 'true' || value === 'false') return value === 'true'
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
}

/** `--rate-limit` (PROOFX_RATE_LIMIT): `<max>/<seconds>` per client on POST /v1/proofs, e.g. `60/60`; `off` or unset: none. */
export function parseRateLimit(value: string | undefined): ProverServerOptions['rateLimit'] {
  if (!value || value === 'off') return undefined
  const match = /^(\d+)\/(\d+)$/.exec(value)
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1)
    throw new Error(`--rate-limit must be <max requests>/<seconds> (e.g. 60/60), or off; got "${value}"`)
  return { max: Number(match[1]), timeWindowMs: Number(match[2]) * 1000 }
}

/**
 * A comma-separated list of sha256 hex digests of API keys: `--relay-api-key-sha256` (PROOFX_RELAY_API_KEY_SHA256)
 * for `proofx serve`, PROOFX_ISSUER_API_KEY_SHA256 for `proofx issuer serve`. `source` is the option or variable the
 * value came from, which a refusal names.
 */
export function parseApiKeyHashes(value: string | undefined, source: string): string[] | undefined {
  const hashes = value
    ?.split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean)
  if (!hashes?.length) return undefined
  for (const hash of hashes)
    if (!/^[0-9a-f]{64}$/.test(hash))
      throw new InvalidInputError({ field: source, rule: 'takes sha256 hex digests of the keys (printf %s "$KEY" | sha256sum), never the keys' })
  return hashes
}
