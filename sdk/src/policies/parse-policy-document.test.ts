import { describe, expect, test } from 'vitest'
import { DEMO_POLICIES, DEMO_POLICY_DOCUMENTS } from '../demo/demo-policies.js'
import { InvalidInputError, OutOfRangeError } from '../errors/validation.js'
import { buildPolicy } from './build-policy.js'
import { parsePolicyDocument, toPolicyDocumentJson } from './parse-policy-document.js'

const json = () => structuredClone(DEMO_POLICY_DOCUMENTS.accredited) as unknown as Record<string, any>

describe('parsePolicyDocument', () => {
  test('the hash is buildPolicy over the id and the rules: what setPolicy registers', () => {
    const document = parsePolicyDocument(DEMO_POLICY_DOCUMENTS.accredited)
    expect(document).toMatchObject({ id: 1n, name: 'accredited', version: 1, validityPeriod: 2_592_000, rules: DEMO_POLICIES.accredited })
    expect(document.hash).toBe(buildPolicy(DEMO_POLICIES.accredited).hash)
    // name, version and description are for people: the contract's hash does not change with them.
    expect(parsePolicyDocument({ ...json(), version: 2, description: 'Reworded.' }).hash).toBe(document.hash)
    expect(parsePolicyDocument({ ...json(), rules: { ...json().rules, maxRiskScore: 41 } }).hash).not.toBe(document.hash)
  })

  test('the validity period is in the hash (circuit v2); a circuit v1 document hashes without it and says so in JSON', () => {
    const document = parsePolicyDocument(DEMO_POLICY_DOCUMENTS.accredited)
    expect(document.circuitVersion).toBe(2)
    expect(document.rules.validityPeriod).toBe(document.validityPeriod)
    expect(parsePolicyDocument({ ...json(), validityPeriod: 7 * 86_400 }).hash).not.toBe(document.hash)
    const v1 = parsePolicyDocument({ ...json(), circuitVersion: 1 })
    expect(v1).toMatchObject({ circuitVersion: 1, hash: buildPolicy(DEMO_POLICIES.accredited, 1).hash })
    expect(parsePolicyDocument({ ...json(), circuitVersion: 1, validityPeriod: 7 * 86_400 }).hash).toBe(v1.hash)
    expect(toPolicyDocumentJson(v1).circuitVersion).toBe(1)
    expect(toPolicyDocumentJson(document)).not.toHaveProperty('circuitVersion')
    expect(parsePolicyDocument(JSON.parse(JSON.stringify(toPolicyDocumentJson(v1))))).toEqual(v1)
  })

  test('JSON form round-trips, with the hash stated and checked', () => {
    const document = parsePolicyDocument(DEMO_POLICY_DOCUMENTS.retail)
    const published = JSON.parse(JSON.stringify(toPolicyDocumentJson(document)))
    expect(published.hash).toBe(document.hash.toString())
    expect(parsePolicyDocument(published)).toEqual(document)
    expect(parsePolicyDocument(document)).toEqual(document)
  })

  test.each([
    ['policyDocument.id', (d: any) => delete d.id, InvalidInputError, /required/],
    ['policyDocument.name', (d: any): unknown => (d.name = 'Accredited Investors'), InvalidInputError, /lowercase/],
    ['policyDocument.version', (d: any): unknown => (d.version = 0), InvalidInputError, /at least 1/],
    ['policyDocument.description', (d: any): unknown => (d.description = ''), InvalidInputError, /empty/],
    ['policyDocument.validityPeriod', (d: any): unknown => (d.validityPeriod = 1.5), InvalidInputError, /integer/],
    ['policyDocument.rules.minKycLevel', (d: any): unknown => (d.rules.minKycLevel = 'two'), InvalidInputError, /.+/],
    ['policyDocument.rules.minNetCapital', (d: any): unknown => (d.rules.minNetCapital = '-1'), InvalidInputError, /non-negative/],
    ['policyDocument.rules.maxRiskScore', (d: any): unknown => (d.rules.maxRiskScore = 256), OutOfRangeError, /8 bits/],
    ['policyDocument.rules.allowedJurisdictions.1', (d: any): unknown => (d.rules.allowedJurisdictions = [276, 1024]), OutOfRangeError, /10 bits/],
    ['policyDocument.validityPeriod', (d: any) => delete d.validityPeriod, InvalidInputError, /required/],
    ['policyDocument.validityPeriod', (d: any): unknown => (d.validityPeriod = 2 ** 32), InvalidInputError, /uint32/],
    ['policyDocument.circuitVersion', (d: any): unknown => (d.circuitVersion = 3), InvalidInputError, /1 or 2/],
    [
      'policyDocument.hash',
      (d: any): unknown => (d.hash = '12345'),
      InvalidInputError,
      /does not match the rules and validity period, which hash to \d+ for circuit version 2/,
    ],
  ] as const)('%s: a typed error naming the field', (field, mutate, errorClass, rule) => {
    const document = json()
    mutate(document)
    let error: unknown
    try {
      parsePolicyDocument(document)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(errorClass)
    expect(error).toMatchObject({ field, rule: expect.stringMatching(rule) })
  })

  test('not an object', () => {
    expect(() => parsePolicyDocument('accredited')).toThrowError(expect.objectContaining({ name: 'InvalidInputError', field: 'policyDocument' }))
  })
})
