import { getAddress, isAddress } from 'viem'
import { InvalidAdminArgumentError } from '../admin/admin-operations.js'
import { checkGovernanceOptions, type GovernanceOptions } from '../admin/deploy-governance.js'
import { InvalidDeployInputError } from './deploy-errors.js'

/** The `proofx deploy` options that put the deployment under a Safe, a timelock and a guardian. */
export type GovernanceFlags = {
  'safe-owners'?: string | undefined
  'safe-threshold'?: string | undefined
  'timelock-delay'?: string | undefined
  guardian?: string | undefined
  'timelock-executor'?: string | undefined
}

/** Only anvil's default chain may run without a timelock delay: anywhere else a zero delay is no timelock at all. */
export const LOCAL_CHAIN_ID = 31337

/**
 * The governance `proofx deploy` sets up, from its flags: undefined when none is given. All or nothing: owners,
 * threshold, delay and guardian come together, and `--admin`/`--pauser`/`--upgrader` cannot be mixed in (the Safe,
 * the timelock and the guardian are those holders). The rules themselves are deployGovernance's
 * (checkGovernanceOptions); this only names the flag that broke one.
 */
export function parseGovernanceFlags(
  flags: GovernanceFlags,
  roles: { admin?: unknown; pauser?: unknown; upgrader?: unknown } = {},
): GovernanceOptions | undefined {
  const given = (['safe-owners', 'safe-threshold', 'timelock-delay', 'guardian', 'timelock-executor'] as const).filter((f) => flags[f] !== undefined)
  if (given.length === 0) return undefined
  for (const field of ['safe-owners', 'safe-threshold', 'timelock-delay', 'guardian'] as const)
    if (flags[field] === undefined)
      throw new InvalidDeployInputError({
        field: `--${field}`,
        rule: `is required with ${given.map((f) => `--${f}`).join(', ')}: a governed deployment needs owners, threshold, delay and guardian`,
      })
  for (const [role, flag] of [
    ['admin', '--admin'],
    ['pauser', '--pauser'],
    ['upgrader', '--upgrader'],
  ] as const)
    if (roles[role] !== undefined)
      throw new InvalidDeployInputError({
        field: flag,
        rule: 'cannot be combined with --safe-owners: the Safe administers, the timelock upgrades and the guardian pauses',
      })

  const owners = flags['safe-owners']!.split(',').map((owner) => owner.trim())
  for (const owner of owners)
    if (!isAddress(owner, { strict: false }))
      throw new InvalidDeployInputError({ field: '--safe-owners', rule: `must be comma-separated 20-byte hex addresses (got "${owner}")` })
  const options: GovernanceOptions = {
    owners: owners.map((owner) => getAddress(owner)),
    threshold: wholeNumber(flags['safe-threshold']!, '--safe-threshold'),
    timelockDelay: wholeNumber(flags['timelock-delay']!, '--timelock-delay'),
    guardian: flags.guardian as `0x${string}`,
    timelockExecutor: flags['timelock-executor'] as GovernanceOptions['timelockExecutor'],
  }
  try {
    checkGovernanceOptions(options)
  } catch (error) {
    if (!(error instanceof InvalidAdminArgumentError)) throw error
    throw new InvalidDeployInputError({ field: `--${error.field}`, rule: error.rule })
  }
  return { ...options, guardian: getAddress(options.guardian) }
}

/** The checks that need the chain id: no zero delay off the local chain. Runs before anything is sent. */
export function checkGovernanceForChain(options: GovernanceOptions, chainId: number): void {
  if (options.timelockDelay === 0 && chainId !== LOCAL_CHAIN_ID)
    throw new InvalidDeployInputError({
      field: '--timelock-delay',
      rule: `must be more than 0 on chain ${chainId}: a zero delay lets upgrades and verifier swaps run the moment they are scheduled (only the local chain ${LOCAL_CHAIN_ID} allows it)`,
    })
}

function wholeNumber(value: string, field: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidDeployInputError({ field, rule: 'must be a whole number' })
  return Number(value)
}
