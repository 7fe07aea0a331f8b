// Governance on a real anvil with the real Safe 1.4.1 contracts (driven by protocol-kit) and OpenZeppelin's
// TimelockController: the admin is a 2-of-3 Safe, upgrades and verifier swaps wait out the timelock's delay, and the
// guardian pauses at once.
import { copyFileSync } from 'node:fs'
import { encodeFunctionData, getAddress, type Hex } from 'viem'
import { EthSafeSignature, EthSafeTransaction } from '@safe-global/protocol-kit'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { proofXRoles, proofXVerifierAbi } from '@proofx/sdk'
import {
  assembleSafeTransaction,
  auditGovernance,
  connectSafe,
  createMonitor,
  NotSafeOwnerError,
  ProposalMismatchError,
  runGovernedOperation,
  ThresholdNotMetError,
  timelockAbi,
  TimelockNotReadyError,
  type Alert,
} from '@proofx/cli'
import { account, createDrillEnv, isSigner, type DrillEnv } from '../drills/helpers/drill-env.js'
import { forgeArtifactPath } from '../drills/helpers/deploy-drill.js'
import { GUARDIAN, OWNERS, TIMELOCK_DELAY, governDrill, type Governed } from '../drills/helpers/governance.js'

// One governed deployment's life, in order (shuffle: false): the Safe's first transaction is nonce 0, and the monitor
// and keys audit read what the tests before them did on chain (the revoke, the pause, the scheduled swap).
describe('governance: Safe 2-of-3 + TimelockController + guardian', { shuffle: false }, () => {
  let env: DrillEnv
  let gov: Governed
  const signer = account(1)
  const hasRole = (role: Hex, who: `0x${string}`) =>
    env.publicClient.readContract({ address: env.deployment.proxy, abi: proofXVerifierAbi, functionName: 'hasRole', args: [role, who] })

  beforeAll(async () => {
    env = await createDrillEnv()
    await env.adminRun('grant-signer', { account: signer.address })
    gov = await governDrill(env)
  })
  afterAll(() => env?.stop())

  test('the deployment hands every role over: Safe admin, timelock upgrader, guardian pauser, deployer nothing', async () => {
    const kit = await connectSafe({
      rpcUrl: env.anvil.rpcUrl,
      chainId: env.anvil.chainId,
      safe: gov.governance.safe,
      safeContracts: gov.governance.safeContracts,
    })
    expect(await kit.getOwners()).toEqual(OWNERS.map((o) => o.address))
    expect(await kit.getThreshold()).toBe(2)
    expect(kit.getContractVersion()).toBe('1.4.1')
    expect(await env.publicClient.readContract({ address: gov.governance.timelock, abi: timelockAbi(), functionName: 'getMinDelay' })).toBe(
      BigInt(TIMELOCK_DELAY),
    )
    expect(await hasRole(proofXRoles.DEFAULT_ADMIN_ROLE, gov.governance.safe)).toBe(true)
    expect(await hasRole(proofXRoles.UPGRADER_ROLE, gov.governance.timelock)).toBe(true)
    expect(await hasRole(proofXRoles.PAUSER_ROLE, GUARDIAN.address)).toBe(true)
    for (const role of [proofXRoles.DEFAULT_ADMIN_ROLE, proofXRoles.UPGRADER_ROLE, proofXRoles.PAUSER_ROLE])
      expect(await hasRole(role, env.admin.address)).toBe(false)
    expect(await hasRole(proofXRoles.UPGRADER_ROLE, gov.governance.safe)).toBe(false)
  })

  test('a Safe transaction: one owner is not enough, a non-owner does not count, two owners execute', async () => {
    const { proposal, stateBefore } = await gov.propose('revoke-signer', { account: signer.address })
    expect(proposal).toMatchObject({ phase: 'direct', safe: gov.governance.safe, safeTransaction: { nonce: 0, to: getAddress(env.deployment.proxy) } })
    expect(proposal.simulation).toEqual([{ description: expect.stringContaining('as the Safe'), result: 'ok' }])
    expect(stateBefore).toEqual({ account: signer.address, isSigner: true })

    // A single owner's key alone changes nothing: neither directly on the contract ...
    const owner = env.wallet(OWNERS[0])
    await expect(
      owner.writeContract({
        address: env.deployment.proxy,
        abi: proofXVerifierAbi,
        functionName: 'revokeRole',
        args: [proofXRoles.SIGNER_ROLE, signer.address],
      }),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/)
    // ... nor through the Safe with only its own signature: refused before sending ...
    const [first, second] = await gov.sign(proposal, [OWNERS[0], OWNERS[1]])
    await expect(gov.execute(proposal, [first!])).rejects.toBeInstanceOf(ThresholdNotMetError)
    await expect(gov.execute(proposal, [first!, first!])).rejects.toMatchObject({ name: 'ThresholdNotMetError', signed: 1, threshold: 2 })
    // ... and by the Safe itself if the check is skipped (GS020: signatures data too short).
    const kit = await connectSafe({
      rpcUrl: env.anvil.rpcUrl,
      chainId: env.anvil.chainId,
      safe: gov.governance.safe,
      safeContracts: gov.governance.safeContracts,
    })
    const lonely = new EthSafeTransaction(proposal.safeTransaction as never)
    lonely.addSignature(new EthSafeSignature(first!.file.signer, first!.file.signature))
    await expect(
      env.publicClient.call({ account: OWNERS[0].address, to: gov.governance.safe, data: (await kit.getEncodedTransaction(lonely)) as Hex }),
    ).rejects.toThrow(/GS020/)

    // A key that is not an owner does not count, and a file claiming an owner it was not signed by is caught.
    const [stranger] = await gov.sign(proposal, [account(14)])
    await expect(gov.execute(proposal, [first!, stranger!])).rejects.toBeInstanceOf(NotSafeOwnerError)
    await expect(gov.execute(proposal, [first!, { ...stranger!, file: { ...stranger!.file, signer: OWNERS[2].address } }])).rejects.toMatchObject({
      name: 'NotSafeOwnerError',
      signer: OWNERS[2].address,
    })
    // An edited proposal no longer matches its hash: owners refuse to sign it.
    await expect(
      gov.sign(
        {
          ...proposal,
          calls: [
            {
              ...proposal.calls[0]!,
              data: encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'revokeRole', args: [proofXRoles.SIGNER_ROLE, account(15).address] }),
            },
          ],
        },
        [OWNERS[2]],
      ),
    ).rejects.toBeInstanceOf(ProposalMismatchError)

    expect(await isSigner(env, signer.address)).toBe(true)
    const dry = await gov.execute(proposal, [first!, second!], { dryRun: true })
    expect(dry).toMatchObject({ dryRun: true, simulation: 'ok', signers: [OWNERS[0].address, OWNERS[1].address], threshold: 2 })
    expect(dry.transactionHash).toBeUndefined()
    expect(await isSigner(env, signer.address)).toBe(true)

    const done = await gov.execute(proposal, [first!, second!])
    expect(done.transactionHash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(done.stateAfter).toEqual({ account: signer.address, isSigner: false })
    // Executed once: the same signatures cannot run it again (the Safe's nonce moved on).
    await expect(gov.execute(proposal, [first!, second!])).rejects.toMatchObject({ name: 'ProposalMismatchError', field: 'safeTransaction.nonce' })
  })

  test('the guardian pauses and closes the gates at once, alone; only the Safe unpauses and reopens', async () => {
    const guardianCtx = gov.context(GUARDIAN)
    const paused = await runGovernedOperation(guardianCtx, 'pause', {})
    expect(paused.route).toBe('direct')
    expect(paused.route === 'direct' && paused.stateAfter).toEqual({ paused: true })
    // The guardian's key cannot unpause: the operation becomes a Safe proposal.
    const unpause = await runGovernedOperation(guardianCtx, 'unpause', {})
    expect(unpause.route).toBe('safe')
    await expect(env.wallet(GUARDIAN).writeContract({ address: env.deployment.proxy, abi: proofXVerifierAbi, functionName: 'unpause' })).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    )
    if (unpause.route === 'direct') throw new Error('unreachable')
    const done = await gov.execute(unpause.proposal, await gov.sign(unpause.proposal, [OWNERS[1], OWNERS[2]]))
    expect(done.stateAfter).toEqual({ paused: false })

    // Closing the gates is the guardian's too, at once; reopening them is the Safe's.
    const closed = await runGovernedOperation(guardianCtx, 'close-gates', {})
    expect(closed.route === 'direct' && closed.stateAfter).toEqual({ gatesClosed: true })
    const reopen = await runGovernedOperation(guardianCtx, 'open-gates', {})
    if (reopen.route === 'direct') throw new Error('open-gates ran with the guardian key')
    expect(reopen.route).toBe('safe')
    await expect(env.wallet(GUARDIAN).writeContract({ address: env.deployment.proxy, abi: proofXVerifierAbi, functionName: 'openGates' })).rejects.toThrow(
      /AccessControlUnauthorizedAccount/,
    )
    const reopened = await gov.execute(reopen.proposal, await gov.sign(reopen.proposal, [OWNERS[0], OWNERS[2]]))
    expect(reopened.stateAfter).toEqual({ gatesClosed: false })
  })

  test('a verifier swap waits in the timelock: scheduled by the Safe, refused before the delay, executed after it', async () => {
    const artifact = `${env.dir}/Groth16Verifier.json`
    copyFileSync(forgeArtifactPath('Groth16Verifier'), artifact)
    const vkeyHash = `0x${'12'.repeat(32)}` as Hex
    // A dry run deploys nothing and still simulates the swap as the timelock: the new verifier's code stands at its
    // predicted address for the simulation only.
    const dry = await gov.propose('set-verifier', { 'verifier-artifact': artifact, 'vkey-hash': vkeyHash, 'void-earlier-records': 'true' }, { dryRun: true })
    expect(dry.route).toBe('timelock')
    expect(dry.proposal.simulation.map((s) => s.result)).toEqual(['ok', 'ok'])
    expect(await env.publicClient.getCode({ address: dry.deploySteps[0]!.deployedAddress! })).toBeUndefined()
    const scheduled = await gov.propose('set-verifier', { 'verifier-artifact': artifact, 'vkey-hash': vkeyHash, 'void-earlier-records': 'true' })
    expect(scheduled.route).toBe('timelock')
    const newVerifier = scheduled.deploySteps[0]!.deployedAddress!
    expect(scheduled.proposal).toMatchObject({
      phase: 'schedule',
      safeTransaction: { to: gov.governance.timelock },
      timelock: { delay: String(TIMELOCK_DELAY) },
    })
    expect(scheduled.proposal.simulation.map((s) => s.result)).toEqual(['ok', 'ok'])

    const scheduledRun = await gov.execute(scheduled.proposal, await gov.sign(scheduled.proposal, [OWNERS[0], OWNERS[2]]))
    expect(scheduledRun.timelock).toMatchObject({ state: 'waiting' })
    expect(scheduledRun.stateAfter).toEqual(scheduledRun.stateBefore)

    // Too early: refused by proofx before anything is signed, and by the timelock itself if sent anyway.
    await expect(gov.proposeExecution(scheduled.proposal)).rejects.toBeInstanceOf(TimelockNotReadyError)
    const t = scheduled.proposal.timelock!
    const execute = encodeFunctionData({ abi: timelockAbi(), functionName: 'execute', args: [t.calls[0]!.target, 0n, t.calls[0]!.data, t.predecessor, t.salt] })
    await expect(env.publicClient.call({ account: gov.governance.safe, to: gov.governance.timelock, data: execute })).rejects.toThrow(
      /TimelockUnexpectedOperationState|0x5ead8eb5/,
    )
    await gov.elapse(TIMELOCK_DELAY - 120)
    await expect(gov.proposeExecution(scheduled.proposal)).rejects.toMatchObject({ name: 'TimelockNotReadyError' })

    await gov.elapse(120)
    const execution = await gov.proposeExecution(scheduled.proposal)
    expect(execution).toMatchObject({ phase: 'execute', safeTransaction: { to: gov.governance.timelock } })
    // One owner still cannot run it alone.
    const sigs = await gov.sign(execution, [OWNERS[1], OWNERS[2]])
    await expect(gov.execute(execution, [sigs[0]!])).rejects.toBeInstanceOf(ThresholdNotMetError)
    const done = await gov.execute(execution, sigs)
    expect(done.stateAfter).toEqual({ verifier: newVerifier, vkeyHash, verifierGeneration: 2, validFromGeneration: 2 })
    expect(done.timelock).toMatchObject({ state: 'done' })
    await expect(gov.proposeExecution(scheduled.proposal)).rejects.toMatchObject({ name: 'TimelockNotReadyError' })
  })

  test("the monitor raises the playbook's high alerts for role changes, the pause and the scheduled verifier swap", async () => {
    const seen: Alert[] = []
    const monitor = createMonitor({
      client: env.publicClient,
      contract: env.deployment.proxy,
      checkpointPath: `${env.dir}/gov-checkpoint.json`,
      fromBlock: env.deployment.deployBlock,
      governance: gov.governance,
      sinks: [
        async (a) => {
          seen.push(a)
        },
      ],
    })
    await monitor.catchUp()
    const high = seen.filter((a) => a.severity === 'high')
    // The handover itself, then the Safe's revoke, the guardian's pause, the scheduled swap.
    expect(
      high
        .filter((a) => a.kind === 'RoleChange' && a.contract === getAddress(env.deployment.proxy))
        .map((a) => `${a.event}:${a.data.roleName}:${a.data.account}`),
    ).toEqual(
      expect.arrayContaining([
        `RoleGranted:DEFAULT_ADMIN_ROLE:${gov.governance.safe}`,
        `RoleGranted:UPGRADER_ROLE:${gov.governance.timelock}`,
        `RoleGranted:PAUSER_ROLE:${GUARDIAN.address}`,
        `RoleRevoked:DEFAULT_ADMIN_ROLE:${env.admin.address}`,
        `RoleRevoked:SIGNER_ROLE:${signer.address}`,
      ]),
    )
    expect(high.find((a) => a.kind === 'ProtocolPaused')).toMatchObject({ data: { account: GUARDIAN.address } })
    const scheduled = high.filter((a) => a.kind === 'UpgradeScheduled')
    expect(scheduled).toEqual([
      expect.objectContaining({
        event: 'CallScheduled',
        contract: gov.governance.timelock,
        data: expect.objectContaining({ functionName: 'setVerifier', target: getAddress(env.deployment.proxy), delay: String(TIMELOCK_DELAY) }),
      }),
    ])
    expect(seen.filter((a) => a.event === 'ExecutionSuccess').length).toBeGreaterThanOrEqual(4)
    expect(seen.find((a) => a.event === 'CallExecuted')?.severity).toBe('info')
  })

  test('keys audit reports the governance: role holders, Safe owners and threshold, timelock delay', async () => {
    const audit = await auditGovernance(env.publicClient, { contract: env.deployment.proxy, fromBlock: env.deployment.deployBlock, governance: gov.governance })
    expect(audit.roles.DEFAULT_ADMIN_ROLE).toEqual([{ account: gov.governance.safe, is: 'safe' }])
    expect(audit.roles.UPGRADER_ROLE).toEqual([{ account: gov.governance.timelock, is: 'timelock' }])
    expect(audit.roles.PAUSER_ROLE).toEqual([{ account: GUARDIAN.address, is: 'guardian' }])
    expect(audit.safe).toMatchObject({ owners: OWNERS.map((o) => o.address), threshold: 2, version: '1.4.1' })
    expect(audit.timelock).toMatchObject({
      minDelaySeconds: TIMELOCK_DELAY,
      proposers: [gov.governance.safe],
      executors: [gov.governance.safe],
      cancellers: [gov.governance.safe],
      pending: [],
    })
    expect(audit.warnings).toEqual([])
  })

  test('assembling refuses signatures of another proposal', async () => {
    const a = await gov.propose('grant-signer', { account: account(2).address })
    const b = await gov.propose('grant-signer', { account: account(3).address })
    const kit = await connectSafe({
      rpcUrl: env.anvil.rpcUrl,
      chainId: env.anvil.chainId,
      safe: gov.governance.safe,
      safeContracts: gov.governance.safeContracts,
    })
    await expect(assembleSafeTransaction(kit, a.proposal, await gov.sign(b.proposal, [OWNERS[0]]))).rejects.toBeInstanceOf(ProposalMismatchError)
  })
})
