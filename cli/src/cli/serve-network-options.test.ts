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
    expect(parseApiKeyHashes(`${hashApiKey('a')},${hashApiKey('b').toUpperCase()}`, '--relay-api-key-sha256')).toEqual([hashApiKey('a'), hashApiKey('b')])
    expect(() => parseApiKeyHashes('my-secret-key', '--relay-api-key-sha256')).toThrow(
      expect.objectContaining({ name: 'InvalidInputError', field: '--relay-api-key-sha256', rule: expect.stringMatching(/sha256/) }),
    )
    expect(parseApiKeyHashes('', '--relay-api-key-sha256')).toBeUndefined()
  })

  test('the refusal names where the hashes came from: the issuer service reads them from PROOFX_ISSUER_API_KEY_SHA256', () => {
    expect(() => parseApiKeyHashes(`${hashApiKey('a')},pxi_raw-key`, 'PROOFX_ISSUER_API_KEY_SHA256')).toThrow(
      expect.objectContaining({ field: 'PROOFX_ISSUER_API_KEY_SHA256', message: expect.not.stringContaining('--relay') }),
    )
  })
})
