import {
  BaseError,
  decodeErrorResult,
  encodeFunctionData,
  keccak256,
  toHex,
  zeroHash,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type StateOverride,
  type Transport,
  type WalletClient,
} from 'viem'
import { MissingRoleError, ProofXError, proofXRoles, proofXVerifierAbi, roleName } from '@proofx/sdk'
import { InvalidAdminArgumentError, type AdminCallStep, type AdminParams } from './admin-operations.js'
import { NoGovernanceRouteError, TimelockNotReadyError } from './governance-errors.js'
import { MissingKeyError } from './load-account.js'
import {
  assembleSafeTransaction,
  buildSafeProposal,
  connectSafe,
  timelockEntry,
  type ProposalCall,
  type SafeProposal,
  type SafeSignatureFile,
} from './safe-proposal.js'
import type { SafeContractAddresses } from './safe-contracts.js'
import { readTimelockRole, timelockAbi, timelockCall, timelockOperationId, type TimelockOperation } from './timelock.js'
import {
  AdminTransactionRevertedError,
  adminOperation,
  revertReason,
  runAdminOperation,
  runDeployStep,
  type AdminContext,
  type AdminResult,
  type AdminStepResult,
} from './run-admin-operation.js'

/** The governance contracts of a deployment (deployments/<chainId>.json `governance`). */
export type GovernanceTarget = { safe: Address; timelock?: Address | undefined; safeContracts?: SafeContractAddresses | undefined }

export type GovernedContext = {
  publicClient: PublicClient
  rpcUrl: string
  /** The ProofXVerifier proxy. */
  contract: Address
  governance?: GovernanceTarget | undefined
  /** The operator's key: sends directly when it holds the role, deploys new contracts, pays for execution. */
  walletClient?: WalletClient<Transport, Chain | undefined, Account> | undefined
}

/** How an operation reaches the contract: the key itself, a Safe transaction, or a Safe-scheduled timelock operation. */
export type Route = 'direct' | 'safe' | 'timelock'

/** An address that holds nothing: a call from it reverts with the role the function needs. */
const NOBODY = '0x000000000000000000000000000000000000dEaD'

/**
 * The role a call needs, read from the contract itself: the SDK action simulated from an account that holds nothing
 * fails with MissingRoleError naming it. Calls guarded otherwise (revokeCredential's revoker) count as the admin's.
 */
export async function neededRole(publicClient: PublicClient, contract: Address, step: AdminCallStep, stateOverride?: StateOverride): Promise<Hex> {
  try {
    await step.simulate(publicClient, { address: contract, account: NOBODY, stateOverride })
  } catch (error) {
    if (error instanceof MissingRoleError) return error.role
    // Another revert (revokeCredential's revoker check): the admin's. Anything else is a bug to see, not a route.
    if (!(error instanceof ProofXError)) throw error
  }
  return proofXRoles.DEFAULT_ADMIN_ROLE
}

function revertData(error: unknown): Hex | undefined {
  if (!(error instanceof BaseError)) return undefined
  const found = error.walk((e) => typeof (e as { data?: unknown }).data === 'string' && (e as { data: string }).data.startsWith('0x'))
  return (found as { data?: Hex } | null)?.data
}

const hasRole = (publicClient: PublicClient, contract: Address, role: Hex, account: Address) =>
  publicClient.readContract({ address: contract, abi: proofXVerifierAbi, functionName: 'hasRole', args: [role, account] })

/** The route for a call needing `role`: the operator's key if it holds the role, else the Safe, else the timelock. */
export async function routeFor(ctx: GovernedContext, role: Hex, step: string): Promise<Route> {
  const tried: string[] = []
  const actor = ctx.walletClient?.account.address
  if (!actor && !ctx.governance) throw new MissingKeyError({ envVar: 'PROOFX_ADMIN_KEY' })
  if (actor) {
    if (await hasRole(ctx.publicClient, ctx.contract, role, actor)) return 'direct'
    tried.push(`your key ${actor}`)
  }
  const g = ctx.governance
  if (g) {
    if (await hasRole(ctx.publicClient, ctx.contract, role, g.safe)) return 'safe'
    tried.push(`the Safe ${g.safe}`)
    if (g.timelock && (await hasRole(ctx.publicClient, ctx.contract, role, g.timelock))) {
      const proposes = await ctx.publicClient.readContract({
        address: g.timelock,
        abi: timelockAbi(),
        functionName: 'hasRole',
        args: [await readTimelockRole(ctx.publicClient, g.timelock, 'PROPOSER_ROLE'), g.safe],
      })
      if (proposes) return 'timelock'
    }
    if (g.timelock) tried.push(`the timelock ${g.timelock}`)
  }
  throw new NoGovernanceRouteError({ role: roleName(role), step, tried })
}

/** Which way `proofx admin <name>` goes, from the role its first call needs (read from the contract). */
export async function operationRoute(ctx: GovernedContext, name: string, params: AdminParams): Promise<Route> {
  const firstCall = (await adminOperation(name).steps(params, {})).find((s): s is AdminCallStep => s.kind === 'call')
  if (!firstCall) throw new InvalidAdminArgumentError({ field: 'operation', rule: 'makes no contract call' })
  // The role check comes first in every guarded function, so a placeholder for a not yet deployed address will do.
  return routeFor(ctx, await neededRole(ctx.publicClient, ctx.contract, firstCall), firstCall.description)
}

export type ProposeResult = { route: Exclude<Route, 'direct'>; proposal: SafeProposal; deploySteps: AdminStepResult[]; stateBefore: Record<string, unknown> }
export type GovernedResult = ({ route: 'direct' } & AdminResult) | ProposeResult

/**
 * `proofx admin <operation>` under governance. With a key that holds the needed role it runs as before (an EOA admin,
 * or the guardian pausing). Otherwise it deploys what the operation deploys (anyone may), simulates each call from
 * the Safe (or the timelock), and returns the Safe proposal for the owners to sign: the calls themselves, or the
 * timelock `schedule` of them when the role sits on the timelock. A dry run sends nothing at all.
 */
export async function runGovernedOperation(
  ctx: GovernedContext,
  name: string,
  params: AdminParams,
  { dryRun = false, nonce, salt, delay }: { dryRun?: boolean; nonce?: number | undefined; salt?: Hex | undefined; delay?: bigint | undefined } = {},
): Promise<GovernedResult> {
  const operation = adminOperation(name)
  const deployed: Record<string, Address> = {}
  const planned = await operation.steps(params, deployed)
  const route = await operationRoute(ctx, name, params)
  if (route === 'direct') {
    const adminCtx: AdminContext = { publicClient: ctx.publicClient, walletClient: ctx.walletClient!, contract: ctx.contract }
    return { route, ...(await runAdminOperation(adminCtx, name, params, { dryRun })) }
  }

  const g = ctx.governance!
  const stateBefore = await operation.state(ctx, params, deployed)
  const deploySteps: AdminStepResult[] = []
  const overrides: StateOverride = []
  let walletNonce = dryRun && ctx.walletClient ? await ctx.publicClient.getTransactionCount({ address: ctx.walletClient.account.address }) : 0
  for (const step of planned) {
    if (step.kind !== 'deploy') continue
    if (!ctx.walletClient) throw new InvalidAdminArgumentError({ field: 'keystore', rule: `is needed to deploy (${step.description}); any funded key will do` })
    deploySteps.push(
      await runDeployStep({ publicClient: ctx.publicClient, walletClient: ctx.walletClient }, step, { dryRun, nonce: walletNonce++, deployed, overrides }),
    )
  }
  // Each call is the SDK action simulated as whoever will make it (the Safe, or the timelock once the delay is over),
  // with a dry run's contracts in place: its calldata goes into the proposal, and a call that would revert stops here.
  const caller = route === 'safe' ? g.safe : g.timelock!
  const as = route === 'safe' ? 'the Safe' : 'the timelock'
  const calls: ProposalCall[] = []
  const simulation: SafeProposal['simulation'] = []
  for (const step of await operation.steps(params, deployed)) {
    if (step.kind !== 'call') continue
    let data: Hex
    try {
      data = (await step.simulate(ctx.publicClient, { address: ctx.contract, account: caller, stateOverride: overrides.length ? overrides : undefined })).data
    } catch (cause) {
      throw new AdminTransactionRevertedError({ step: `${step.description} (as ${as})`, reason: revertReason(cause), cause })
    }
    calls.push({ to: ctx.contract, value: '0', data, description: step.description })
    simulation.push({ description: `${step.description} (as ${as})`, result: 'ok' })
  }

  const connection = { rpcUrl: ctx.rpcUrl, chainId: await ctx.publicClient.getChainId(), safe: g.safe, safeContracts: g.safeContracts }
  if (route === 'safe') {
    const proposal = await buildSafeProposal(connection, { operation: name, params, phase: 'direct', calls, simulation, nonce })
    return { route, proposal, deploySteps, stateBefore }
  }
  const minDelay = (await ctx.publicClient.readContract({ address: g.timelock!, abi: timelockAbi(), functionName: 'getMinDelay' })) as bigint
  if (delay !== undefined && delay < minDelay)
    throw new InvalidAdminArgumentError({ field: 'delay', rule: `must be at least the timelock's minimum delay (${minDelay} s)` })
  const timelockOp: TimelockOperation = {
    calls: calls.map((c) => ({ target: c.to, value: BigInt(c.value), data: c.data })),
    predecessor: zeroHash,
    salt: salt ?? keccak256(toHex(`${name}:${Date.now()}:${Math.random()}`)),
    delay: delay ?? minDelay,
  }
  const scheduled = timelockCall(timelockOp, 'schedule')
  const scheduleData = encodeFunctionData({ abi: timelockAbi(), functionName: scheduled.functionName, args: scheduled.args })
  const operationId = timelockOperationId(timelockOp)
  simulation.push({
    description: `schedule on the timelock ${g.timelock} for ${timelockOp.delay} s (as the Safe)`,
    result: await simulate(ctx.publicClient, g.safe, g.timelock!, scheduleData),
  })
  const proposal = await buildSafeProposal(connection, {
    operation: name,
    params,
    phase: 'schedule',
    calls: [
      {
        to: g.timelock!,
        value: '0',
        data: scheduleData,
        description: `schedule (timelock ${operationId}, delay ${timelockOp.delay} s): ${calls.map((c) => c.description).join('; ')}`,
      },
    ],
    timelock: timelockEntry(g.timelock!, operationId, timelockOp),
    simulation,
    nonce,
  })
  return { route, proposal, deploySteps, stateBefore }
}

async function simulate(publicClient: PublicClient, from: Address, to: Address, data: Hex): Promise<string> {
  try {
    await publicClient.call({ account: from, to, data })
    return 'ok'
  } catch (error) {
    const revert = revertData(error)
    if (revert) {
      for (const abi of [proofXVerifierAbi, timelockAbi()]) {
        try {
          const decoded = decodeErrorResult({ abi, data: revert })
          return `reverted: ${decoded.errorName}(${(decoded.args ?? []).map(String).join(', ')})`
        } catch {
          // try the next ABI
        }
      }
    }
    return `reverted: ${revertReason(error)}`
  }
}

/** Where a timelock operation stands, from the timelock itself. */
export async function timelockState(
  publicClient: PublicClient,
  timelock: Address,
  operationId: Hex,
): Promise<{ state: 'unset' | 'waiting' | 'ready' | 'done'; readyAt: bigint; now: bigint }> {
  const abi = timelockAbi()
  const [state, readyAt, block] = await Promise.all([
    publicClient.readContract({ address: timelock, abi, functionName: 'getOperationState', args: [operationId] }) as Promise<number>,
    publicClient.readContract({ address: timelock, abi, functionName: 'getTimestamp', args: [operationId] }) as Promise<bigint>,
    publicClient.getBlock({ blockTag: 'latest' }),
  ])
  return { state: (['unset', 'waiting', 'ready', 'done'] as const)[Number(state)]!, readyAt, now: block.timestamp }
}

/**
 * The second half of a timelocked change: once the delay is over, `timelock.execute` of what `scheduleProposal`
 * scheduled. Refused with TimelockNotReadyError before that (the timelock would revert anyway). When the key may
 * execute (the timelock's executor is open, or the key holds EXECUTOR_ROLE) it is sent at once; otherwise it is a Safe
 * proposal, signed and executed like any other.
 */
export async function runScheduledExecution(
  ctx: GovernedContext,
  scheduleProposal: SafeProposal,
  { dryRun = false, nonce }: { dryRun?: boolean; nonce?: number | undefined } = {},
): Promise<{ route: 'direct'; transactionHash?: Hex; simulation: string } | { route: 'safe'; proposal: SafeProposal }> {
  const t = scheduleProposal.timelock
  if (scheduleProposal.phase !== 'schedule' || !t)
    throw new InvalidAdminArgumentError({ field: 'proposal', rule: 'must be the schedule proposal of a timelocked operation' })
  const op: TimelockOperation = {
    calls: t.calls.map((c) => ({ target: c.target, value: BigInt(c.value), data: c.data })),
    predecessor: t.predecessor,
    salt: t.salt,
    delay: BigInt(t.delay),
  }
  if (timelockOperationId(op) !== t.operationId)
    throw new InvalidAdminArgumentError({ field: 'proposal', rule: 'has a timelock operation id that does not match its calls' })
  const status = await timelockState(ctx.publicClient, t.address, t.operationId)
  if (status.state !== 'ready') throw new TimelockNotReadyError({ operationId: t.operationId, state: status.state, readyAt: status.readyAt, now: status.now })
  const executed = timelockCall(op, 'execute')
  const data = encodeFunctionData({ abi: timelockAbi(), functionName: executed.functionName, args: executed.args })
  const abi = timelockAbi()
  const actor = ctx.walletClient?.account.address
  const executorRole = await readTimelockRole(ctx.publicClient, t.address, 'EXECUTOR_ROLE')
  const open = (await ctx.publicClient.readContract({
    address: t.address,
    abi,
    functionName: 'hasRole',
    args: [executorRole, '0x0000000000000000000000000000000000000000'],
  })) as boolean
  const mayExecute =
    open ||
    (actor !== undefined &&
      ((await ctx.publicClient.readContract({ address: t.address, abi, functionName: 'hasRole', args: [executorRole, actor] })) as boolean))
  if (mayExecute && ctx.walletClient) {
    const simulation = await simulate(ctx.publicClient, ctx.walletClient.account.address, t.address, data)
    if (dryRun) return { route: 'direct', simulation }
    if (simulation !== 'ok') throw new AdminTransactionRevertedError({ step: 'timelock execute', reason: simulation.replace(/^reverted: /, '') })
    const hash = await ctx.walletClient.sendTransaction({ to: t.address, data, chain: ctx.walletClient.chain })
    const receipt = await ctx.publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new AdminTransactionRevertedError({ step: 'timelock execute', reason: 'the transaction reverted' })
    return { route: 'direct', transactionHash: hash, simulation }
  }
  const g = ctx.governance!
  const simulation = [
    { description: `execute timelock operation ${t.operationId} (as the Safe)`, result: await simulate(ctx.publicClient, g.safe, t.address, data) },
  ]
  const proposal = await buildSafeProposal(
    { rpcUrl: ctx.rpcUrl, chainId: scheduleProposal.chainId, safe: g.safe, safeContracts: g.safeContracts },
    {
      operation: scheduleProposal.operation,
      params: scheduleProposal.params,
      phase: 'execute',
      calls: [
        {
          to: t.address,
          value: '0',
          data,
          description: `execute (timelock ${t.operationId}): ${scheduleProposal.calls[0]!.description.replace(/^schedule \([^)]*\): /, '')}`,
        },
      ],
      timelock: t,
      simulation,
      nonce,
    },
  )
  return { route: 'safe', proposal }
}

export type ExecuteProposalResult = {
  safe: Address
  safeTxHash: Hex
  phase: SafeProposal['phase']
  signers: Address[]
  threshold: number
  dryRun: boolean
  simulation: string
  transactionHash?: Hex | undefined
  stateBefore: Record<string, unknown>
  stateAfter?: Record<string, unknown> | undefined
  timelock?: { operationId: Hex; state: string; readyAt: string } | undefined
}

/**
 * Executes a Safe proposal with the owners' signature files once they reach the threshold (checked first: a wrong
 * owner, too few signatures, a stale nonce or a timelocked call before its time are refused with typed errors and
 * nothing is sent). protocol-kit encodes execTransaction; the operator's key sends it and pays the gas.
 */
export async function executeSafeProposal(
  ctx: GovernedContext & { walletClient: WalletClient<Transport, Chain | undefined, Account> },
  proposal: SafeProposal,
  signatures: { name: string; file: SafeSignatureFile }[],
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<ExecuteProposalResult> {
  const operation = adminOperation(proposal.operation)
  const chainId = await ctx.publicClient.getChainId()
  if (chainId !== proposal.chainId)
    throw new InvalidAdminArgumentError({ field: 'proposal.chainId', rule: `is ${proposal.chainId} but the RPC is chain ${chainId}` })
  if (proposal.phase === 'execute' && proposal.timelock) {
    const status = await timelockState(ctx.publicClient, proposal.timelock.address, proposal.timelock.operationId)
    if (status.state !== 'ready')
      throw new TimelockNotReadyError({ operationId: proposal.timelock.operationId, state: status.state, readyAt: status.readyAt, now: status.now })
  }
  const kit = await connectSafe({ rpcUrl: ctx.rpcUrl, chainId, safe: proposal.safe, safeContracts: proposal.safeContracts ?? ctx.governance?.safeContracts })
  const { calldata, signers, threshold } = await assembleSafeTransaction(kit, proposal, signatures)
  const stateCtx = { publicClient: ctx.publicClient, contract: ctx.contract }
  const stateBefore = await operation.state(stateCtx, proposal.params, {})
  const simulation = await simulate(ctx.publicClient, ctx.walletClient.account.address, proposal.safe, calldata)
  const base = { safe: proposal.safe, safeTxHash: proposal.safeTxHash, phase: proposal.phase, signers, threshold, dryRun, simulation, stateBefore }
  if (dryRun) return base
  if (simulation !== 'ok')
    throw new AdminTransactionRevertedError({ step: `Safe transaction ${proposal.safeTxHash}`, reason: simulation.replace(/^reverted: /, '') })
  const hash = await ctx.walletClient.sendTransaction({ to: proposal.safe, data: calldata, chain: ctx.walletClient.chain })
  const receipt = await ctx.publicClient.waitForTransactionReceipt({ hash })
  // A Safe with safeTxGas 0 reverts the whole transaction when the inner call fails, so success means it ran.
  if (receipt.status !== 'success')
    throw new AdminTransactionRevertedError({ step: `Safe transaction ${proposal.safeTxHash}`, reason: 'the transaction reverted' })
  const result: ExecuteProposalResult = { ...base, transactionHash: hash, stateAfter: await operation.state(stateCtx, proposal.params, {}) }
  if (proposal.timelock) {
    const status = await timelockState(ctx.publicClient, proposal.timelock.address, proposal.timelock.operationId)
    result.timelock = { operationId: proposal.timelock.operationId, state: status.state, readyAt: new Date(Number(status.readyAt) * 1000).toISOString() }
  }
  return result
}
