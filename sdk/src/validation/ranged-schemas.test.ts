import { describe, expect, test } from 'vitest'
import { serializeCredential } from '../credentials/serialize-credential.js'
import { POLICY, signed } from '@proofx/test-helpers/sample-credential'
import { rangedCredentialSchema, rangedPolicyRulesSchema } from './ranged-schemas.js'

const json = (value: unknown) => JSON.parse(typeof value === 'string' ? value : JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)))
const fields = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => result.error?.issues.map((i) => i.path.join('.'))

describe('ranged input schemas', () => {
  test('a serialized credential and its policy parse back to the typed values', () => {
    expect(rangedCredentialSchema.parse(json(serializeCredential(signed())))).toEqual(signed())
    expect(rangedPolicyRulesSchema.parse(json(POLICY))).toEqual(POLICY)
  })

  test('every out-of-range or unknown field is named at once', () => {
    const credential = json(serializeCredential(signed()))
    credential.attributes.kycLevel = 256
    credential.attributes.jurisdiction = 1024
    credential.signature.S = (2n ** 254n).toString()
    credential.extra = true
    expect(fields(rangedCredentialSchema.safeParse(credential))).toEqual(
      expect.arrayContaining(['attributes.kycLevel', 'attributes.jurisdiction', 'signature.S', '']),
    )
    const policy = { ...json(POLICY), allowedJurisdictions: Array.from({ length: 257 }, (_, i) => i), minKycLevel: 256 }
    expect(fields(rangedPolicyRulesSchema.safeParse(policy))).toEqual(expect.arrayContaining(['allowedJurisdictions', 'minKycLevel']))
    expect(fields(rangedPolicyRulesSchema.safeParse({ ...json(POLICY), allowedJurisdictions: [] }))).toEqual(['allowedJurisdictions'])
  })
})
