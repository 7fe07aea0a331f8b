import {
  BaseError,
  ContractFunctionRevertedError,
  getAddress,
  getContractAddress,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type PublicClient,
  type StateOverride,
  type Transport,
  type WalletClient,
} from 'viem'
import { ProofXError } from '@proofx/sdk'
import { ADMIN_OPERATIONS, InvalidAdminArgumentError, type AdminOperation, type AdminParams, type AdminStep } from './admin-operations.js'

export type AdminContext = {
  publicClient: PublicClient
  walletClient: WalletClient<Transport, Chain | undefined, Account>
  /** The ProofXVerifier proxy. */
  contract: Address
}

export type AdminStepResult = {
  description: string
  to: Address | null
  /** The call's calldata (absent when its simulation reverted); a deployment's bytecode, shortened. */
  calldata?: string | undefined
  /** Whether the simulation passed, or the revert reason. */
  simulation: 'ok' | `reverted: ${string}`
  transactionHash?: Hash
  blockNumber?: string
  gasUsed?: string
  deployedAddress?: Address
}

export type AdminResult = {
  operation: string
  contract: Address
  from: Address
  dryRun: boolean
  steps: AdminStepResult[]
  stateBefore: Record<string, unknown>
  stateAfter?: Record<string, unknown>
}

export type AdminTransactionRevertedErrorType = AdminTransactionRevertedError & { name: 'AdminTransactionRevertedError' }
/** A step would revert (or did): nothing after it was sent. `reason` is the contract's custom error. */
export class AdminTransactionRevertedError extends ProofXError {
  override name = 'AdminTransactionRevertedError' as const
  readonly reason: string
  constructor({ step, reason, cause }: { step: string; reason: string; cause?: unknown }) {
    super(`"${step}" reverts: ${reason}.`, {
      cause,
      metaMessages: ['Check the key has the needed role (DEFAULT_ADMIN_ROLE, PAUSER_ROLE or UPGRADER_ROLE) and the current state.'],
    })
    this.reason = reason
  }
}

/** The reason a call fails, for people: the SDK error's name and message, or the custom error name and args. */
export function revertReason(error: unknown): string {
  if (error instanceof ProofXError) return `${error.name}: ${error.shortMessage}`
  if (error instanceof BaseError) {
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null
    if (revert?.data) return `${revert.data.errorName}(${(revert.data.args ?? []).map(String).join(', ')})`
    return error.shortMessage
  }
  return error instanceof Error ? error.message : String(error)
}

/** The operation called `name`, or a typed error listing them all. */
export function adminOperation(name: string): AdminOperation {
  const operation = ADMIN_OPERATIONS[name]
  if (!operation) throw new InvalidAdminArgumentError({ field: 'operation', rule: `must be one of ${Object.keys(ADMIN_OPERATIONS).join(', ')}` })
  return operation
}

/**
 * Deploys one contract of an operation (a new verifier or implementation: anyone may deploy, no role needed) and
 * records its address in `deployed`. A dry run deploys nothing: it runs the creation code in eth_call, predicts the
 * address from `nonce`, and adds the resulting code there to `overrides`, so the calls after it are simulated too.
 */
export async function runDeployStep(
  ctx: Pick<AdminContext, 'publicClient' | 'walletClient'>,
  step: Extract<AdminStep, { kind: 'deploy' }>,
  { dryRun, nonce, deployed, overrides }: { dryRun: boolean; nonce: number; deployed: Record<string, Address>; overrides: StateOverride },
): Promise<AdminStepResult> {
  const from = ctx.walletClient.account.address
  const result: AdminStepResult = {
    description: step.description,
    to: null,
    calldata: `${step.bytecode.slice(0, 42)}… (${(step.bytecode.length - 2) / 2} bytes)`,
    simulation: 'ok',
  }
  let code: Hex | undefined
  try {
    code = (await ctx.publicClient.call({ account: from, data: step.bytecode })).data
  } catch (cause) {
    if (!dryRun) throw new AdminTransactionRevertedError({ step: step.description, reason: revertReason(cause), cause })
    result.simulation = `reverted: ${revertReason(cause)}`
  }
  if (dryRun) {
    deployed[step.label] = getContractAddress({ from, nonce: BigInt(nonce) })
    if (code) overrides.push({ address: deployed[step.label]!, code })
    result.deployedAddress = deployed[step.label]
    return result
  }
  const hash = await ctx.walletClient.deployContract({ abi: [], bytecode: step.bytecode, chain: ctx.walletClient.chain })
  const receipt = await ctx.publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success' || !receipt.contractAddress)
    throw new AdminTransactionRevertedError({ step: step.description, reason: 'deployment reverted' })
  deployed[step.label] = getAddress(receipt.contractAddress)
  return Object.assign(result, {
    transactionHash: hash,
    blockNumber: receipt.blockNumber.toString(),
    gasUsed: receipt.gasUsed.toString(),
    deployedAddress: deployed[step.label],
  })
}

/**
 * Runs one `proofx admin` operation with the key itself: each call is the SDK action's simulate-only variant on a
 * dry run, and the SDK action (simulate, send, wait for the receipt) otherwise. Returns the transactions and the
 * state before and after.
 */
export async function runAdminOperation(
  ctx: AdminContext,
  name: string,
  params: AdminParams,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<AdminResult> {
  const operation = adminOperation(name)
  const from = ctx.walletClient.account.address
  const deployed: Record<string, Address> = {}
  const overrides: StateOverride = []
  const stateBefore = await operation.state(ctx, params, deployed)
  const results: AdminStepResult[] = []

  let nonce = dryRun ? await ctx.publicClient.getTransactionCount({ address: from }) : 0
  const count = (await operation.steps(params, deployed)).length
  for (let i = 0; i < count; i++) {
    // Built again each time: a call after a deployment needs the deployed address.
    const step = (await operation.steps(params, deployed))[i]!
    if (step.kind === 'deploy') {
      results.push(await runDeployStep(ctx, step, { dryRun, nonce: nonce++, deployed, overrides }))
      continue
    }
    const result: AdminStepResult = { description: step.description, to: ctx.contract, simulation: 'ok' }
    if (dryRun) {
      try {
        result.calldata = (
          await step.simulate(ctx.publicClient, {
            address: ctx.contract,
            account: ctx.walletClient.account,
            stateOverride: overrides.length ? overrides : undefined,
          })
        ).data
      } catch (cause) {
        result.simulation = `reverted: ${revertReason(cause)}`
      }
    } else {
      try {
        const { hash, receipt } = await step.send(ctx.walletClient, { address: ctx.contract })
        Object.assign(result, { transactionHash: hash, blockNumber: receipt.blockNumber.toString(), gasUsed: receipt.gasUsed.toString() })
      } catch (cause) {
        throw new AdminTransactionRevertedError({ step: step.description, reason: revertReason(cause), cause })
      }
      const transaction = await ctx.publicClient.getTransaction({ hash: result.transactionHash! })
      result.calldata = transaction.input
    }
    results.push(result)
  }
  return {
    operation: name,
    contract: ctx.contract,
    from,
    dryRun,
    steps: results,
    stateBefore,
    ...(dryRun ? {} : { stateAfter: await operation.state(ctx, params, deployed) }),
  }
}
