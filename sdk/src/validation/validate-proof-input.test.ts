import { describe, expect, test } from 'vitest'
import { serializeCredential } from '../credentials/serialize-credential.js'
import { ProofXError } from '../errors/base.js'
import { buildPolicy } from '../policies/build-policy.js'
import { NOW, POLICY, SUBJECT, signed } from '@proofx/test-helpers/sample-credential'
import { validateProofInput } from './validate-proof-input.js'

const check =
  (overrides: Parameters<typeof signed>[0] = {}, extra: { policy?: unknown; now?: unknown; subject?: `0x${string}` } = {}) =>
  () =>
    validateProofInput({ credential: signed(overrides), policy: extra.policy ?? POLICY, now: (extra.now ?? NOW) as bigint, subject: extra.subject ?? SUBJECT })

describe('validateProofInput', () => {
  test('accepts a credential that meets the policy, typed or as JSON', () => {
    expect(check()()).toMatchObject({ now: NOW, policy: { policyId: 1n } })
    const json = JSON.parse(serializeCredential(signed()))
    expect(validateProofInput({ credential: json, policy: buildPolicy(POLICY), now: NOW.toString() }).credential).toEqual(signed())
  })

  test('expired credential names the date and field', () => {
    expect(check({ expiresAt: NOW })).toThrowError(
      expect.objectContaining({
        name: 'CredentialExpiredError',
        field: 'expiresAt',
        shortMessage: 'The credential expired on 2026-01-01T00:00:00.000Z (field "expiresAt").',
      }),
    )
  })

  test('a credential that expires before the record would end (now + validityPeriod) names the field and the rule', () => {
    const validity = BigInt(POLICY.validityPeriod)
    expect(check({ expiresAt: NOW + validity - 1n })).toThrowError(
      expect.objectContaining({
        name: 'CredentialExpiresBeforeRecordError',
        field: 'expiresAt',
        rule: 'expiresAt >= now + policy.validityPeriod',
        recordEnd: NOW + validity,
        shortMessage: expect.stringContaining('before the compliance record would end on 2026-01-31T00:00:00.000Z'),
      }),
    )
    // A shorter policy lets the same credential through: the rule follows the policy's period.
    expect(check({ expiresAt: NOW + validity - 1n }, { policy: { ...POLICY, validityPeriod: POLICY.validityPeriod - 1 } })).not.toThrow()
  })

  test('a credential that ends exactly with the record is accepted (expiresAt == now + validityPeriod)', () => {
    expect(check({ expiresAt: NOW + BigInt(POLICY.validityPeriod) })).not.toThrow()
  })

  test('a policy without a validity period is refused, naming the field', () => {
    const { validityPeriod: _, ...withoutValidity } = POLICY
    expect(check({}, { policy: withoutValidity })).toThrowError(expect.objectContaining({ name: 'InvalidInputError', field: 'policy.validityPeriod' }))
  })

  test('credential not valid yet', () => {
    expect(check({ issuedAt: NOW + 1n })).toThrowError(expect.objectContaining({ name: 'CredentialNotYetValidError', field: 'issuedAt' }))
  })

  test('issuedAt == now is accepted (issuedAt <= now < expiresAt)', () => {
    expect(check({ issuedAt: NOW })).not.toThrow()
  })

  test('net capital below the policy minimum', () => {
    expect(check({ assets: 900_000n, liabilities: 500_000n })).toThrowError(
      expect.objectContaining({
        name: 'InsufficientNetCapitalError',
        shortMessage: expect.stringContaining("Net capital 400000 is below the policy's 500000"),
      }),
    )
  })

  test('net capital exactly at the minimum is accepted', () => {
    expect(check({ assets: 1_000_000n, liabilities: 500_000n })).not.toThrow()
  })

  test('liabilities above assets', () => {
    expect(check({ assets: 1n, liabilities: 2n })).toThrowError(expect.objectContaining({ name: 'InsolventCredentialError', field: 'liabilities' }))
  })

  test('kyc level too low', () => {
    expect(check({ kycLevel: 1 })).toThrowError(
      expect.objectContaining({
        name: 'KycLevelTooLowError',
        field: 'kycLevel',
        shortMessage: expect.stringContaining("KYC level 1 is below the policy's minimum 2"),
      }),
    )
  })

  test('risk score too high', () => {
    expect(check({ riskScore: 41 })).toThrowError(expect.objectContaining({ name: 'RiskScoreTooHighError', field: 'riskScore' }))
  })

  test('jurisdiction outside the policy', () => {
    expect(check({ jurisdiction: 4 })).toThrowError(expect.objectContaining({ name: 'JurisdictionNotAllowedError', field: 'jurisdiction' }))
  })

  test('tampered attribute fails the signature check', () => {
    const credential = signed()
    const tampered = { ...credential, attributes: { ...credential.attributes, assets: credential.attributes.assets + 1n } }
    expect(() => validateProofInput({ credential: tampered, policy: POLICY, now: NOW })).toThrowError(
      expect.objectContaining({ name: 'InvalidSignatureError' }),
    )
  })

  test('another subject', () => {
    expect(check({}, { subject: '0x0000000000000000000000000000000000000001' })).toThrowError(
      expect.objectContaining({ name: 'SubjectMismatchError', field: 'subject' }),
    )
  })

  test.each(['0x1234', 'alice', 42])('an invalid subject (%s) is InvalidInputError naming "subject", not viem\'s InvalidAddressError', (subject) => {
    expect(check({}, { subject: subject as `0x${string}` })).toThrowError(
      expect.objectContaining({ name: 'InvalidInputError', field: 'subject', rule: expect.stringMatching(/address/) }),
    )
  })

  test.each([
    ['credential.attributes.kycLevel', { kycLevel: 256 }],
    ['credential.attributes.jurisdiction', { jurisdiction: 1024 }],
    ['credential.attributes.assets', { assets: 1n << 64n }],
    ['credential.attributes.expiresAt', { expiresAt: 1n << 40n }],
  ])('out of range: %s', (field, overrides) => {
    expect(check(overrides)).toThrowError(expect.objectContaining({ name: 'OutOfRangeError', field }))
  })

  test('now out of range', () => {
    expect(check({}, { now: 1n << 40n })).toThrowError(expect.objectContaining({ name: 'OutOfRangeError', field: 'now' }))
  })

  test('too many jurisdictions for the tree depth', () => {
    const policy = { ...POLICY, allowedJurisdictions: Array.from({ length: 257 }, (_, i) => i) }
    expect(check({}, { policy })).toThrowError(expect.objectContaining({ name: 'OutOfRangeError', field: 'policy.allowedJurisdictions' }))
  })

  describe('malformed JSON gets InvalidInputError naming the field', () => {
    const json = () => JSON.parse(serializeCredential(signed()))
    test.each([
      ['credential.attributes.subject', (c: any) => (c.attributes.subject = '0x1234'), /address/],
      ['credential.attributes.assets', (c: any) => (c.attributes.assets = '-5'), /non-negative/],
      ['credential.attributes.kycLevel', (c: any) => (c.attributes.kycLevel = 2.5), /integer/],
      ['credential.attributes.riskScore', (c: any) => (c.attributes.riskScore = -1), /negative/],
      ['credential.attributes.salt', (c: any) => delete c.attributes.salt, /required/],
      ['credential.attributes.issuedAt', (c: any) => (c.attributes.issuedAt = { x: 1 }), /.+/],
      ['credential.signature.R8', (c: any) => (c.signature.R8 = [1]), /.+/],
      ['credential.issuerPublicKey', (c: any) => (c.issuerPublicKey = null), /.+/],
    ])('%s', (field, mutate, rule) => {
      const credential = json()
      mutate(credential)
      let error: unknown
      try {
        validateProofInput({ credential, policy: POLICY, now: NOW })
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(ProofXError)
      expect(error).toMatchObject({ name: 'InvalidInputError', field, rule: expect.stringMatching(rule) })
    })

    test('not an object at all', () => {
      expect(() => validateProofInput({ credential: 'nope', policy: POLICY })).toThrowError(
        expect.objectContaining({ name: 'InvalidInputError', field: 'credential' }),
      )
    })

    test('policy with a string kyc level', () => {
      expect(() => validateProofInput({ credential: signed(), policy: { ...POLICY, minKycLevel: 'two' } })).toThrowError(
        expect.objectContaining({ name: 'InvalidInputError', field: 'policy.minKycLevel' }),
      )
    })

    test('now that is not a timestamp', () => {
      expect(() => validateProofInput({ credential: signed(), policy: POLICY, now: 'tomorrow' })).toThrowError(
        expect.objectContaining({ name: 'InvalidInputError', field: 'now' }),
      )
    })
  })
})
