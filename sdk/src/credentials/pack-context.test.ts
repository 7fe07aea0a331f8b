import { hexToBigInt } from 'viem'
import { describe, expect, test } from 'vitest'
import { computeScope } from './compute-scope.js'
import { SNARK_SCALAR_FIELD } from './limits.js'
import { packContext, unpackContext } from './pack-context.js'

const subject = hexToBigInt('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')
const scopeTag = computeScope(31337, '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0')

describe('packContext / unpackContext', () => {
  test('packs like the contract (subject | now << 160 | scopeTag << 200) and unpacks back', () => {
    const now = 1_767_225_600n
    const context = packContext({ subject, now, scopeTag })
    expect(context).toBe(subject | (now << 160n) | (scopeTag << 200n))
    expect(unpackContext(context)).toEqual({ subject, now, scopeTag })
  })

  test('the largest in-range values stay below 2^253, inside the field', () => {
    const max = { subject: 2n ** 160n - 1n, now: 2n ** 40n - 1n, scopeTag: 2n ** 53n - 1n }
    const context = packContext(max)
    expect(context).toBe(2n ** 253n - 1n)
    expect(context < SNARK_SCALAR_FIELD).toBe(true)
    expect(unpackContext(context)).toEqual(max)
  })

  test('out-of-range values are not refused but reduced into the field (the circuit rejects them)', () => {
    expect(packContext({ subject, now: 0n, scopeTag: SNARK_SCALAR_FIELD - 1n })).toBe((subject - 2n ** 200n + SNARK_SCALAR_FIELD) % SNARK_SCALAR_FIELD)
  })
})
