import {
  BaseError,
  ContractFunctionRevertedError,
  encodeFunctionData,
  getAddress,
  getContractAddress,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { ProofXError } from '@proofx/sdk'
import { adminAbi } from './admin-abi.js'
import { ADMIN_OPERATIONS, InvalidAdminArgumentError, type AdminParams } from './admin-operations.js'

export type AdminContext = {
  publicClient: PublicClient
  walletClient: WalletClient<Transport, Chain | undefined, Account>
  /** The ProofXVerifier proxy. */
  contract: Address
}

export type AdminStepResult = {
  description: string
  to: Address | null
  calldata: string
  /** Dry run: whether the simulation passed, or the revert reason. */
  simulation: 'ok' | 'skipped: depends on an earlier deployment' | `reverted: ${string}`
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

/** The custom error name and args from a viem error, e.g. "AccessControlUnauthorizedAccount(0x…, 0x…)". */
export function revertReason(error: unknown): string {
  if (error instanceof BaseError) {
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null
    if (revert?.data) return `${revert.data.errorName}(${(revert.data.args ?? []).map(String).join(', ')})`
    return error.shortMessage
  }
  return error instanceof Error ? error.message : String(error)
}

/**
 * Runs one `proofx admin` operation: simulates every step, and unless `dryRun` sends them in order,
 * waiting for each receipt. Returns the transactions and the state before and after.
 */
export async function runAdminOperation(
  ctx: AdminContext,
  name: string,
  params: AdminParams,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<AdminResult> {
  const operation = ADMIN_OPERATIONS[name]
  if (!operation) throw new InvalidAdminArgumentError({ field: 'operation', rule: `must be one of ${Object.keys(ADMIN_OPERATIONS).join(', ')}` })
  const from = ctx.walletClient.account.address
  const deployed: Record<string, Address> = {}
  const stateBefore = await operation.state(ctx, params, deployed)
  const results: AdminStepResult[] = []

  // Dry runs predict deployment addresses from the nonce so later steps can be shown (not simulated).
  let nonce = dryRun ? await ctx.publicClient.getTransactionCount({ address: from }) : 0
  const planned = await operation.steps(params, deployed)
  for (let i = 0; i < planned.length; i++) {
    const step = (await operation.steps(params, deployed))[i]!
    if (step.kind === 'deploy') {
      const result: AdminStepResult = {
        description: step.description,
        to: null,
        calldata: `${step.bytecode.slice(0, 42)}… (${(step.bytecode.length - 2) / 2} bytes)`,
        simulation: 'ok',
      }
      try {
        await ctx.publicClient.call({ account: from, data: step.bytecode })
      } catch (cause) {
        if (dryRun) result.simulation = `reverted: ${revertReason(cause)}`
        else throw new AdminTransactionRevertedError({ step: step.description, reason: revertReason(cause), cause })
      }
      if (dryRun) {
        deployed[step.label] = getContractAddress({ from, nonce: BigInt(nonce++) })
        result.deployedAddress = deployed[step.label]
      } else {
        const hash = await ctx.walletClient.deployContract({ abi: [], bytecode: step.bytecode, chain: ctx.walletClient.chain })
        const receipt = await ctx.publicClient.waitForTransactionReceipt({ hash })
        if (receipt.status !== 'success' || !receipt.contractAddress)
          throw new AdminTransactionRevertedError({ step: step.description, reason: 'deployment reverted' })
        deployed[step.label] = getAddress(receipt.contractAddress)
        Object.assign(result, {
          transactionHash: hash,
          blockNumber: receipt.blockNumber.toString(),
          gasUsed: receipt.gasUsed.toString(),
          deployedAddress: deployed[step.label],
        })
      }
      results.push(result)
      continue
    }
    const call = { address: ctx.contract, abi: adminAbi, functionName: step.functionName, args: step.args } as const
    const calldata = encodeFunctionData(call as Parameters<typeof encodeFunctionData>[0])
    const result: AdminStepResult = { description: step.description, to: ctx.contract, calldata, simulation: 'ok' }
    const dependsOnDeploy = dryRun && planned.slice(0, i).some((s) => s.kind === 'deploy')
    if (dependsOnDeploy) result.simulation = 'skipped: depends on an earlier deployment'
    else {
      try {
        await ctx.publicClient.simulateContract({ ...call, account: ctx.walletClient.account } as Parameters<PublicClient['simulateContract']>[0])
      } catch (cause) {
        if (!dryRun) throw new AdminTransactionRevertedError({ step: step.description, reason: revertReason(cause), cause })
        result.simulation = `reverted: ${revertReason(cause)}`
      }
    }
    if (!dryRun) {
      const hash = await ctx.walletClient.writeContract({ ...call, chain: ctx.walletClient.chain } as Parameters<typeof ctx.walletClient.writeContract>[0])
      const receipt = await ctx.publicClient.waitForTransactionReceipt({ hash })
      if (receipt.status !== 'success') throw new AdminTransactionRevertedError({ step: step.description, reason: 'the transaction reverted' })
      Object.assign(result, { transactionHash: hash, blockNumber: receipt.blockNumber.toString(), gasUsed: receipt.gasUsed.toString() })
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
