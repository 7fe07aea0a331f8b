import { getSafeL2SingletonDeployment } from '@safe-global/safe-deployments'
import { getAddress, type Abi, type AbiEvent, type Address, type Hex, type PublicClient } from 'viem'
import { proofXRoles, proofXVerifierAbi, roleName, type ProofXRoleName } from '@proofx/sdk'
import { readTimelockRole, timelockAbi } from './timelock.js'

export type RoleHolder = { account: Address; is: 'safe' | 'timelock' | 'guardian' | 'contract' | 'account' }

export type GovernanceAudit = {
  /** Current holders of each ProofXVerifier role (from RoleGranted logs, checked with hasRole). */
  roles: Record<ProofXRoleName, RoleHolder[]>
  safe?: { address: Address; version: string; owners: Address[]; threshold: number; nonce: number } | undefined
  timelock?:
    | {
        address: Address
        minDelaySeconds: number
        proposers: Address[]
        executors: (Address | 'anyone')[]
        cancellers: Address[]
        pending: { id: Hex; target: Address; readyAt: string; ready: boolean }[]
      }
    | undefined
  guardian?: Address | undefined
  /** What an auditor would flag: roles on plain keys, a 1-of-n Safe, no delay. */
  warnings: string[]
}

const roleGranted = proofXVerifierAbi.find((e) => e.type === 'event' && e.name === 'RoleGranted') as AbiEvent

/** Accounts that hold `role` on `contract` now, among all it was ever granted to since `fromBlock`. */
async function holders(client: PublicClient, contract: Address, abi: Abi, role: Hex, fromBlock: bigint): Promise<Address[]> {
  const logs = await client.getLogs({ address: contract, event: roleGranted, args: { role } as never, fromBlock, toBlock: 'latest' })
  const candidates = [...new Set(logs.map((l) => getAddress((l.args as { account: Address }).account)))]
  const held = await Promise.all(
    candidates.map((a) => client.readContract({ address: contract, abi, functionName: 'hasRole', args: [role, a] }) as Promise<boolean>),
  )
  return candidates.filter((_, i) => held[i])
}

/**
 * The governance of a deployment, read from the chain: who holds each role, the Safe's owners and threshold, the
 * timelock's delay, roles and pending operations, and warnings. `governance` names the Safe, timelock and guardian
 * the deployment file records; without it the roles are still listed.
 * @example
 * const audit = await auditGovernance(client, { contract: deployment.proxy, fromBlock: deployment.deployBlock, governance })
 */
export async function auditGovernance(
  client: PublicClient,
  {
    contract,
    fromBlock = 0n,
    governance,
  }: { contract: Address; fromBlock?: bigint; governance?: { safe?: Address; timelock?: Address; guardian?: Address } | undefined },
): Promise<GovernanceAudit> {
  const safeAbi = getSafeL2SingletonDeployment({ version: '1.4.1' })!.abi as Abi
  const warnings: string[] = []
  const label = async (account: Address): Promise<RoleHolder> => {
    if (governance?.safe && account === getAddress(governance.safe)) return { account, is: 'safe' }
    if (governance?.timelock && account === getAddress(governance.timelock)) return { account, is: 'timelock' }
    if (governance?.guardian && account === getAddress(governance.guardian)) return { account, is: 'guardian' }
    return { account, is: (await client.getCode({ address: account }))?.length ? 'contract' : 'account' }
  }
  const roles = {} as GovernanceAudit['roles']
  for (const name of Object.keys(proofXRoles) as ProofXRoleName[]) {
    roles[name] = await Promise.all((await holders(client, contract, proofXVerifierAbi as Abi, proofXRoles[name], fromBlock)).map(label))
  }
  for (const name of ['DEFAULT_ADMIN_ROLE', 'UPGRADER_ROLE'] as const) {
    for (const h of roles[name])
      if (h.is === 'account') warnings.push(`${name} is held by the plain key ${h.account}: one key can change the rules (playbook: multisig governance)`)
  }
  for (const h of roles.UPGRADER_ROLE)
    if (h.is !== 'timelock') warnings.push(`UPGRADER_ROLE is held by ${h.account}, not a timelock: upgrades and verifier swaps take effect at once`)
  // A proxy initialized before UPGRADER_ROLE administered itself (implementation 1.0.0): the admin could grant it.
  const upgraderAdmin = await client.readContract({
    address: contract,
    abi: proofXVerifierAbi,
    functionName: 'getRoleAdmin',
    args: [proofXRoles.UPGRADER_ROLE],
  })
  if (upgraderAdmin !== proofXRoles.UPGRADER_ROLE)
    warnings.push(`UPGRADER_ROLE is administered by ${roleName(upgraderAdmin)}: its holders can grant themselves upgrades and skip the timelock's delay`)

  let safe: GovernanceAudit['safe']
  if (governance?.safe) {
    const read = (functionName: string) => client.readContract({ address: governance.safe!, abi: safeAbi, functionName })
    const [owners, threshold, nonce, version] = (await Promise.all([read('getOwners'), read('getThreshold'), read('nonce'), read('VERSION')])) as [
      Address[],
      bigint,
      bigint,
      string,
    ]
    safe = { address: getAddress(governance.safe), version, owners: owners.map((o) => getAddress(o)), threshold: Number(threshold), nonce: Number(nonce) }
    if (safe.threshold < 2) warnings.push(`the Safe ${safe.address} needs only ${safe.threshold} signature: one owner's key can change everything`)
  }

  let timelock: GovernanceAudit['timelock']
  if (governance?.timelock) {
    const abi = timelockAbi()
    const address = getAddress(governance.timelock)
    const minDelay = (await client.readContract({ address, abi, functionName: 'getMinDelay' })) as bigint
    const [proposerRole, executorRole, cancellerRole] = await Promise.all(
      (['PROPOSER_ROLE', 'EXECUTOR_ROLE', 'CANCELLER_ROLE'] as const).map((name) => readTimelockRole(client, address, name)),
    )
    const anyone = (await client.readContract({
      address,
      abi,
      functionName: 'hasRole',
      args: [executorRole, '0x0000000000000000000000000000000000000000'],
    })) as boolean
    const scheduled = await client.getLogs({
      address,
      event: abi.find((e) => e.type === 'event' && e.name === 'CallScheduled') as AbiEvent,
      fromBlock,
      toBlock: 'latest',
    })
    const head = await client.getBlock({ blockTag: 'latest' })
    const pending: NonNullable<GovernanceAudit['timelock']>['pending'] = []
    for (const id of [...new Set(scheduled.map((l) => (l.args as { id: Hex }).id))]) {
      const state = Number(await client.readContract({ address, abi, functionName: 'getOperationState', args: [id] }))
      if (state !== 1 && state !== 2) continue // unset (cancelled) or done
      const readyAt = (await client.readContract({ address, abi, functionName: 'getTimestamp', args: [id] })) as bigint
      const target = getAddress((scheduled.find((l) => (l.args as { id: Hex }).id === id)!.args as { target: Address }).target)
      pending.push({ id, target, readyAt: new Date(Number(readyAt) * 1000).toISOString(), ready: readyAt <= head.timestamp })
    }
    timelock = {
      address,
      minDelaySeconds: Number(minDelay),
      proposers: await holders(client, address, abi, proposerRole, fromBlock),
      executors: [
        ...(anyone ? (['anyone'] as const) : []),
        ...(await holders(client, address, abi, executorRole, fromBlock)).filter((a) => a !== '0x0000000000000000000000000000000000000000'),
      ],
      cancellers: await holders(client, address, abi, cancellerRole, fromBlock),
      pending,
    }
    if (timelock.minDelaySeconds === 0) warnings.push(`the timelock ${address} has no delay: scheduled changes can run at once`)
  }
  return { roles, safe, timelock, guardian: governance?.guardian ? getAddress(governance.guardian) : undefined, warnings }
}
