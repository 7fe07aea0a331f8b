import { poseidon5 } from 'poseidon-lite/poseidon5'
import { describe, expect, test } from 'vitest'
import { DEMO_POLICIES } from '../demo/demo-policies.js'
import { InvalidInputError } from '../errors/validation.js'
import { buildJurisdictionTree } from './build-jurisdiction-tree.js'
import { buildPolicy } from './build-policy.js'
import { hashPolicy } from './hash-policy.js'

const rules = DEMO_POLICIES.accredited
const root = buildJurisdictionTree(rules.allowedJurisdictions).root!

describe('hashPolicy', () => {
  test('circuit v2 (the default): Poseidon(id, minNetCapital, minKycLevel + maxRiskScore * 2^8, validityPeriod, root)', () => {
    const expected = poseidon5([
      rules.policyId,
      rules.minNetCapital,
      BigInt(rules.minKycLevel) + BigInt(rules.maxRiskScore) * 256n,
      BigInt(rules.validityPeriod),
      root,
    ])
    expect(hashPolicy(rules)).toBe(expected)
    expect(hashPolicy(rules, 2)).toBe(expected)
    expect(buildPolicy(rules)).toMatchObject({ hash: expected, circuitVersion: 2, jurisdictionRoot: root })
  })

  test('circuit v1: Poseidon(id, minNetCapital, minKycLevel, maxRiskScore, root), without the validity period', () => {
    const expected = poseidon5([rules.policyId, rules.minNetCapital, BigInt(rules.minKycLevel), BigInt(rules.maxRiskScore), root])
    expect(hashPolicy(rules, 1)).toBe(expected)
    expect(hashPolicy({ ...rules, validityPeriod: 1 }, 1)).toBe(expected)
    expect(buildPolicy(rules, 1)).toMatchObject({ hash: expected, circuitVersion: 1 })
  })

  test('v2 commits the validity period: the same rules for another period are another policy', () => {
    expect(hashPolicy({ ...rules, validityPeriod: rules.validityPeriod + 1 })).not.toBe(hashPolicy(rules))
    expect(hashPolicy(rules, 1)).not.toBe(hashPolicy(rules, 2))
  })

  test('v2 refuses a validity period the contract cannot store, naming the field and the rule', () => {
    for (const validityPeriod of [0, -1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => hashPolicy({ ...rules, validityPeriod })).toThrowError(
        expect.objectContaining({ name: 'InvalidInputError', field: 'policy.validityPeriod', rule: expect.stringContaining('2^32 - 1') }),
      )
    }
    expect(() => hashPolicy({ ...rules, validityPeriod: 2 ** 32 - 1 })).not.toThrow()
    expect(() => hashPolicy(rules, 3 as never)).toThrowError(InvalidInputError)
  })
})
