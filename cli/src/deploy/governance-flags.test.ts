import { describe, expect, test } from 'vitest'
import { InvalidDeployInputError } from './deploy-errors.js'
import { checkGovernanceForChain, parseGovernanceFlags } from './governance-flags.js'

const [a, b, c] = ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', '0x90F79bf6EB2c4f870365E785982E1f101E93b906']
const guardian = '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65'
const flags = { 'safe-owners': `${a},${b},${c}`, 'safe-threshold': '2', 'timelock-delay': '86400', guardian }

describe('proofx deploy governance flags', () => {
  test('none given: no governance; all four: the options deployGovernance takes, addresses checksummed', () => {
    expect(parseGovernanceFlags({})).toBeUndefined()
    expect(parseGovernanceFlags({ ...flags, 'safe-owners': `${a.toLowerCase()}, ${b},${c}`, guardian: guardian.toLowerCase() })).toEqual({
      owners: [a, b, c],
      threshold: 2,
      timelockDelay: 86_400,
      guardian,
      timelockExecutor: undefined,
    })
    expect(parseGovernanceFlags({ ...flags, 'timelock-executor': 'anyone' })?.timelockExecutor).toBe('anyone')
    expect(parseGovernanceFlags({ ...flags, 'timelock-executor': c })?.timelockExecutor).toBe(c)
  })

  // Each bad flag: the typed error names the flag and the rule, before the passphrase is asked for.
  test.each([
    [{ ...flags, 'safe-threshold': '4' }, '--safe-threshold', /from 1 to 3 \(the number of owners\)/],
    [{ ...flags, 'safe-threshold': '0' }, '--safe-threshold', /from 1 to 3/],
    [{ ...flags, 'safe-threshold': 'two' }, '--safe-threshold', /whole number/],
    [{ ...flags, 'safe-owners': `${a},${b},${a.toLowerCase()}` }, '--safe-owners', /must not repeat an owner/],
    [{ ...flags, 'safe-owners': `${a},0x1234` }, '--safe-owners', /got "0x1234"/],
    [{ ...flags, 'timelock-delay': '-1' }, '--timelock-delay', /whole number/],
    [{ ...flags, guardian: '0x0000000000000000000000000000000000000000' }, '--guardian', /zero address/],
    [{ ...flags, guardian: 'me' }, '--guardian', /must be an address/],
    [{ ...flags, 'timelock-executor': 'nobody' }, '--timelock-executor', /"safe", "anyone" or an address/],
    [{ ...flags, guardian: undefined }, '--guardian', /is required with --safe-owners/],
    [{ 'timelock-delay': '60' }, '--safe-owners', /is required with --timelock-delay/],
  ])('%o is refused on %s', (input, field, rule) => {
    let error: unknown
    try {
      parseGovernanceFlags(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidDeployInputError)
    expect(error).toMatchObject({ field })
    expect((error as Error).message).toMatch(rule)
  })

  test('--admin, --pauser or --upgrader cannot be mixed with a Safe', () => {
    for (const role of ['admin', 'pauser', 'upgrader'] as const)
      expect(() => parseGovernanceFlags(flags, { [role]: a })).toThrow(expect.objectContaining({ name: 'InvalidDeployInputError', field: `--${role}` }))
  })

  test('a zero delay only on the local chain 31337', () => {
    const zero = parseGovernanceFlags({ ...flags, 'timelock-delay': '0' })!
    expect(() => checkGovernanceForChain(zero, 31337)).not.toThrow()
    expect(() => checkGovernanceForChain(zero, 80002)).toThrow(expect.objectContaining({ name: 'InvalidDeployInputError', field: '--timelock-delay' }))
    expect(() => checkGovernanceForChain(parseGovernanceFlags(flags)!, 1)).not.toThrow()
  })
})
