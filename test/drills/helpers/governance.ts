import { createWalletClient, http, type Hex, type LocalAccount } from 'viem'
import { anvil } from 'viem/chains'
import {
  deployGovernance,
  executeSafeProposal,
  runGovernedOperation,
  runScheduledExecution,
  signSafeProposal,
  type AdminParams,
  type GovernanceDeployment,
  type GovernedContext,
  type ProposeResult,
  type SafeProposal,
  type SafeSignatureFile,
} from '@proofx/cli'
import { account, type DrillEnv } from './drill-env.js'

/** A 2-of-3 Safe (anvil accounts 10-12), a timelock with a one-day delay, the guardian anvil account 13. */
export const OWNERS = [account(10), account(11), account(12)] as const
export const GUARDIAN = account(13)
export const TIMELOCK_DELAY = 86_400

export type Governed = {
  governance: GovernanceDeployment
  /** The context `proofx admin` builds from a deployment file, with `key` as the operator's key. */
  context: (key?: LocalAccount) => GovernedContext
  /** `proofx admin <operation> --propose`: the proposal (throws when the route is direct). */
  propose: (operation: string, params?: AdminParams, options?: { key?: LocalAccount; dryRun?: boolean; nonce?: number }) => Promise<ProposeResult>
  /** Each owner signs on their own (no chain access). */
  sign: (proposal: SafeProposal, signers: readonly LocalAccount[]) => Promise<{ name: string; file: SafeSignatureFile }[]>
  execute: (
    proposal: SafeProposal,
    signatures: { name: string; file: SafeSignatureFile }[],
    options?: { key?: LocalAccount; dryRun?: boolean },
  ) => ReturnType<typeof executeSafeProposal>
  /** The execute half of a timelocked change, as a Safe proposal (the Safe is the executor). */
  proposeExecution: (scheduleProposal: SafeProposal) => Promise<SafeProposal>
  /** anvil time travel past the timelock delay (or by `seconds`). */
  elapse: (seconds?: number) => Promise<void>
}

/** Hands the drill deployment over to a Safe + timelock + guardian with the same helper the deploy path uses. */
export async function governDrill(env: DrillEnv, options: { timelockExecutor?: 'safe' | 'anyone' } = {}): Promise<Governed> {
  const walletClient = createWalletClient({ account: env.admin, chain: anvil, transport: http(env.anvil.rpcUrl), pollingInterval: 50 })
  const governance = await deployGovernance({
    walletClient,
    publicClient: env.publicClient,
    rpcUrl: env.anvil.rpcUrl,
    proxy: env.deployment.proxy,
    owners: OWNERS.map((o) => o.address),
    threshold: 2,
    timelockDelay: TIMELOCK_DELAY,
    guardian: GUARDIAN.address,
    timelockExecutor: options.timelockExecutor,
  })
  // The guardian and the owners pay their own gas (pausing; executing when they choose to).
  for (const who of [GUARDIAN, ...OWNERS])
    await env.publicClient.waitForTransactionReceipt({ hash: await walletClient.sendTransaction({ to: who.address, value: 10n ** 18n }) })
  const context = (key: LocalAccount = env.admin): GovernedContext => ({
    publicClient: env.publicClient,
    rpcUrl: env.anvil.rpcUrl,
    contract: env.deployment.proxy,
    governance,
    walletClient: createWalletClient({ account: key, chain: anvil, transport: http(env.anvil.rpcUrl), pollingInterval: 50 }),
  })
  return {
    governance,
    context,
    propose: async (operation, params = {}, { key, dryRun, nonce } = {}) => {
      const result = await runGovernedOperation(context(key), operation, params, { dryRun, nonce })
      if (result.route === 'direct') throw new Error(`${operation} ran directly with the key instead of being proposed`)
      return result
    },
    sign: async (proposal, signers) => Promise.all(signers.map(async (s, i) => ({ name: `owner-${i}.sig.json`, file: await signSafeProposal(proposal, s) }))),
    execute: (proposal, signatures, { key, dryRun } = {}) =>
      executeSafeProposal(context(key) as Parameters<typeof executeSafeProposal>[0], proposal, signatures, { dryRun }),
    proposeExecution: async (scheduleProposal) => {
      const next = await runScheduledExecution(context(), scheduleProposal)
      if (next.route !== 'safe') throw new Error('the timelock execution was sent directly instead of proposed')
      return next.proposal
    },
    elapse: async (seconds = TIMELOCK_DELAY) => {
      await env.publicClient.request({ method: 'evm_increaseTime' as never, params: [seconds] as never })
      await env.publicClient.request({ method: 'evm_mine' as never })
    },
  }
}

export type { Hex }
