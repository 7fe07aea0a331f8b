import { describe, expect, test } from 'vitest'
import { hashApiKey } from '../server/api-keys.js'
import { parseApiKeyHashes, parseRateLimit, parseTrustProxy } from './serve-network-options.js'

describe('proofx serve: load-balancer options', () => {
  test('--trust-proxy: addresses/CIDRs or true; unset trusts nobody', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined()
    expect(parseTrustProxy('10.0.0.0/8, 192.168.1.4')).toEqual(['10.0.0.0/8', '192.168.1.4'])
    expect(parseTrustProxy('true')).toBe(true)
  })

  test('--rate-limit max/seconds', () => {
    expect(parseRateLimit('60/60')).toEqual({ max: 60, timeWindowMs: 60_000 })
    expect(parseRateLimit('off')).toBeUndefined()
    expect(() => parseRateLimit('fast')).toThrow(/<max requests>\/<seconds>/)
    expect(() => parseRateLimit('0/60')).toThrow()
  })

  test('--relay-api-key-sha256 takes digests, refuses a raw key', () => {
    expect(parseApiKeyHashes(`${hashApiKey('a')},${hashApiKey('b').toUpperCase()}`)).toEqual([hashApiKey('a'), hashApiKey('b')])
    expect(() => parseApiKeyHashes('my-secret-key')).toThrow(/sha256/)
    expect(parseApiKeyHashes('')).toBeUndefined()
  })
})
