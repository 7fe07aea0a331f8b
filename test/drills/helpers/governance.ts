import { writeFileSync } from 'node:fs'
import { encodeFunctionData, createWalletClient, http, type Hex, type LocalAccount } from 'viem'
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
import { expect } from 'vitest'
import { proofXRoles, proofXVerifierAbi, toDeploymentJson } from '@proofx/sdk'
import { timelockAbi } from '@proofx/cli'
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

/**
 * The deployment file the operators share under governance, as `proofx deploy` writes it (the contracts, the
 * policy documents, the `governance` entry), in the drill's folder; returns the `--rpc`/`--deployment` options
 * every `proofx` command of the drill takes.
 */
export function writeGovernedDeploymentFile(env: DrillEnv, gov: Governed): { deploymentFile: string; chain: string[] } {
  const deploymentFile = `${env.dir}/deployment.json`
  writeFileSync(deploymentFile, JSON.stringify({ ...toDeploymentJson(env.deployment), governance: gov.governance }))
  return { deploymentFile, chain: ['--rpc', env.anvil.rpcUrl, '--deployment', deploymentFile] }
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

/**
 * What every governed drill asserts besides its own scenario, part one: no single owner's key changes anything (each
 * rule-changing call, sent from an owner straight to the contract, reverts), and the Safe itself cannot skip the
 * timelock (setVerifier and granting itself UPGRADER_ROLE revert from the Safe).
 */
export async function expectNoSingleOwnerChange(env: DrillEnv, gov: Governed): Promise<void> {
  const proxy = env.deployment.proxy
  const changes: Hex[] = [
    encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'setVerifier', args: [env.deployment.groth16Verifier, `0x${'56'.repeat(32)}`, true] }),
    encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'grantRole', args: [proofXRoles.UPGRADER_ROLE, gov.governance.safe] }),
    encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'grantRole', args: [proofXRoles.SIGNER_ROLE, OWNERS[0].address] }),
    encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'unpause' }),
  ]
  for (const owner of OWNERS)
    for (const data of changes)
      await expect(env.publicClient.call({ account: owner.address, to: proxy, data }), `${owner.address} alone: ${data.slice(0, 10)}`).rejects.toThrow(
        /AccessControlUnauthorizedAccount|0xe2517d3f/,
      )
  // The Safe (two owners) administers, but upgrades and verifier swaps are the timelock's alone.
  for (const data of changes.slice(0, 2))
    await expect(env.publicClient.call({ account: gov.governance.safe, to: proxy, data }), `the Safe: ${data.slice(0, 10)}`).rejects.toThrow(
      /AccessControlUnauthorizedAccount|0xe2517d3f/,
    )
}

/**
 * Part two: a timelocked change (a verifier swap), once scheduled by two owners, cannot execute before its delay:
 * refused by proofx and by the timelock itself; one owner's signature does not even schedule it. The operation stays
 * pending; its id is returned.
 */
export async function expectTimelockHolds(env: DrillEnv, gov: Governed): Promise<Hex> {
  const scheduled = await gov.propose('set-verifier', {
    verifier: env.deployment.groth16Verifier,
    'vkey-hash': `0x${'56'.repeat(32)}`,
    'void-earlier-records': 'true',
  })
  expect(scheduled.route).toBe('timelock')
  const signatures = await gov.sign(scheduled.proposal, [OWNERS[0], OWNERS[1]])
  await expect(gov.execute(scheduled.proposal, [signatures[1]!])).rejects.toMatchObject({ name: 'ThresholdNotMetError' })
  expect((await gov.execute(scheduled.proposal, signatures)).timelock).toMatchObject({ state: 'waiting' })
  await expect(gov.proposeExecution(scheduled.proposal)).rejects.toMatchObject({ name: 'TimelockNotReadyError' })
  const t = scheduled.proposal.timelock!
  const execute = encodeFunctionData({ abi: timelockAbi(), functionName: 'execute', args: [t.calls[0]!.target, 0n, t.calls[0]!.data, t.predecessor, t.salt] })
  await expect(env.publicClient.call({ account: gov.governance.safe, to: gov.governance.timelock, data: execute })).rejects.toThrow(
    /TimelockUnexpectedOperationState|0x5ead8eb5/,
  )
  return t.operationId
}

export type { Hex }
