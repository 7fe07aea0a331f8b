// Playbook 3, Scenario B "Critical Bug in Circuit", governance steps with the production setup on a real anvil: the
// guardian pauses and closes the gates at once with its own key; the v2 verifier and the voiding of the old records
// go through the 2-of-3 Safe and the timelock (scheduled, refused before the delay, executed after it), the UUPS
// upgrade too; unpausing and reopening the gates are Safe transactions.
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs'
// @ts-expect-error ffjavascript ships no types
import { buildBn128 } from 'ffjavascript'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ContractPausedError, hashVerificationKey, ProofRejectedError, submitProof } from '@proofx/sdk'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { account, createDrillEnv, isCompliant, privateKeyOf, requestProof, type DrillEnv } from './helpers/drill-env.js'
import { forgeArtifactPath, forgeOut } from './helpers/deploy-drill.js'
import { GUARDIAN, OWNERS, TIMELOCK_DELAY, expectNoSingleOwnerChange, governDrill, type Governed } from './helpers/governance.js'
import { newCircuitVersion } from './helpers/new-circuit-version.js'
import { runProofx } from './helpers/run-proofx.js'

describe('drill: Scenario B governance, guardian + Safe + timelock', () => {
  let env: DrillEnv
  let gov: Governed
  let chain: string[]
  beforeAll(async () => {
    // snarkjs's nested web-workers cannot start inside vitest's worker: one single-threaded curve for the setup.
    ;(globalThis as { curve_bn128?: unknown }).curve_bn128 = await buildBn128(true)
    env = await createDrillEnv()
    gov = await governDrill(env)
    const deploymentFile = `${env.dir}/deployment.json`
    writeFileSync(
      deploymentFile,
      JSON.stringify({
        chainId: env.deployment.chainId,
        proxy: env.deployment.proxy,
        deployBlock: env.deployment.deployBlock.toString(),
        governance: gov.governance,
      }),
    )
    chain = ['--rpc', env.anvil.rpcUrl, '--deployment', deploymentFile]
  })
  afterAll(() => env?.stop())

  // Owners sign with the library (the CLI's `proofx admin sign` is drilled in Scenario A): one file per owner.
  const signFiles = async (proposal: string, owners: readonly (typeof OWNERS)[number][]) => {
    const signatures = await gov.sign(JSON.parse(readFileSync(proposal, 'utf8')), owners)
    return signatures
      .map(({ file }, i) => {
        const out = `${proposal}.${owners[i]!.address}.sig.json`
        writeFileSync(out, JSON.stringify(file))
        return out
      })
      .join(',')
  }
  const executor = () => ({ PROOFX_ADMIN_KEY: privateKeyOf(env.admin) })

  // Proving and a dozen CLI runs: allow for a loaded machine.
  test('pause and close the gates at once, swap the verifier and void v1 through the timelock, restore through the Safe', { timeout: 900_000 }, async () => {
    const [early, late] = [account(8), account(9)]
    const v1 = await env.startProver()
    const prove = async (url: string, who: typeof early) => {
      const res = await requestProof(url, demoProofRequest({ subject: who.address, now: await env.chainNow() }).body)
      expect(res.status, JSON.stringify(res.json)).toBe(200)
      return { proof: res.json.proof, publicSignals: res.json.publicSignals as string[] }
    }
    await submitProof(env.wallet(early), { address: env.deployment.proxy, proof: await prove(v1.url, early), policyId: 1n })
    const lateV1 = await prove(v1.url, late)
    await v1.close()

    // 1. Contain: an owner's key cannot pause on its own; the guardian's does, in one transaction, no delay.
    const ownerPause = await runProofx(['admin', 'pause', ...chain], { PROOFX_ADMIN_KEY: privateKeyOf(OWNERS[0]) })
    expect(ownerPause.code).toBe(1)
    const before = await env.publicClient.getBlockNumber()
    const paused = await runProofx(['admin', 'pause', ...chain], { PROOFX_ADMIN_KEY: privateKeyOf(GUARDIAN) })
    expect(paused.code, paused.stderr).toBe(0)
    expect(paused.json).toMatchObject({ route: 'direct', from: GUARDIAN.address, stateAfter: { paused: true } })
    expect(BigInt(paused.json.steps[0].blockNumber)).toBe(before + 1n)
    await expect(submitProof(env.wallet(late), { address: env.deployment.proxy, proof: lateV1, policyId: 1n })).rejects.toBeInstanceOf(ContractPausedError)
    // ... and closes the gates: records made through the broken verifier stop letting anyone through at once.
    const closed = await runProofx(['admin', 'close-gates', ...chain], { PROOFX_ADMIN_KEY: privateKeyOf(GUARDIAN) })
    expect(closed.code, closed.stderr).toBe(0)
    expect(closed.json).toMatchObject({ route: 'direct', from: GUARDIAN.address, stateAfter: { gatesClosed: true } })
    expect(await isCompliant(env, early.address)).toBe(false)
    // The guardian cannot restart on its own: its key does not hold the admin role.
    expect((await gov.propose('unpause', {}, { key: GUARDIAN, dryRun: true })).route).toBe('safe')
    expect((await gov.propose('open-gates', {}, { key: GUARDIAN, dryRun: true })).route).toBe('safe')
    // Nor can any one owner, and the Safe itself cannot swap the verifier or upgrade without the timelock.
    await expectNoSingleOwnerChange(env, gov)

    // 2. Remediate: Groth16Verifier v2, deployed by the operator's key, the switch scheduled through the Safe.
    const v2 = await newCircuitVersion(env.dir)
    const schedule = `${env.dir}/schedule-v2.json`
    const proposed = await runProofx(
      [
        'admin',
        'set-verifier',
        ...chain,
        '--verifier-artifact',
        v2.verifierArtifactPath,
        '--vkey',
        v2.vkeyPath,
        '--void-earlier-records',
        'true',
        '--propose',
        schedule,
      ],
      executor(),
    )
    expect(proposed.code, proposed.stderr).toBe(0)
    expect(proposed.json).toMatchObject({ route: 'timelock', proposal: { phase: 'schedule', timelock: { delay: String(TIMELOCK_DELAY) } } })
    const v2Verifier = proposed.json.deploySteps[0].deployedAddress
    const scheduled = await runProofx(
      ['admin', 'execute', ...chain, '--proposal', schedule, '--signatures', await signFiles(schedule, [OWNERS[0], OWNERS[1]])],
      executor(),
    )
    expect(scheduled.code, scheduled.stderr).toBe(0)
    expect(scheduled.json.timelock).toMatchObject({ state: 'waiting' })

    // Too early: refused, and nothing to sign yet.
    const execution = `${env.dir}/execute-v2.json`
    const tooEarly = await runProofx(['admin', 'execute-scheduled', ...chain, '--proposal', schedule, '--propose', execution])
    expect(tooEarly.code).toBe(1)
    expect(tooEarly.stderr).toMatch(/still in its delay: ready at/)
    await gov.elapse()
    const ready = await runProofx(['admin', 'execute-scheduled', ...chain, '--proposal', schedule, '--propose', execution])
    expect(ready.code, ready.stderr).toBe(0)
    const executionProposal = JSON.parse(readFileSync(execution, 'utf8'))
    await expect(gov.execute(executionProposal, await gov.sign(executionProposal, [OWNERS[2]]))).rejects.toMatchObject({ name: 'ThresholdNotMetError' })
    const swapped = await runProofx(
      ['admin', 'execute', ...chain, '--proposal', execution, '--signatures', await signFiles(execution, [OWNERS[1], OWNERS[2]])],
      executor(),
    )
    expect(swapped.code, swapped.stderr).toBe(0)
    // "Start fresh": every record of the v1 generation is void from this transaction on.
    expect(swapped.json.stateAfter).toEqual({ verifier: v2Verifier, vkeyHash: hashVerificationKey(v2.vkey), verifierGeneration: 2, validFromGeneration: 2 })

    // Option B of the playbook too: a UUPS upgrade waits in the same timelock.
    const implementationArtifact = `${env.dir}/ProofXVerifier.json`
    copyFileSync(forgeArtifactPath('ProofXVerifier'), implementationArtifact)
    // proofx admin upgrade first validates the storage layout against the deployed release (@openzeppelin/upgrades-core).
    for (const dir of ['build-info', 'deployed-build-info']) cpSync(`${forgeOut()}/build-info`, `${env.dir}/${dir}`, { recursive: true })
    const upgrade = await gov.propose('upgrade', {
      artifact: implementationArtifact,
      'build-info-dir': `${env.dir}/build-info`,
      reference: 'deployed-build-info:ProofXVerifier',
      'reference-build-info-dir': `${env.dir}/deployed-build-info`,
    })
    expect(upgrade.route).toBe('timelock')
    await gov.execute(upgrade.proposal, await gov.sign(upgrade.proposal, [OWNERS[0], OWNERS[2]]))
    await expect(gov.proposeExecution(upgrade.proposal)).rejects.toMatchObject({ name: 'TimelockNotReadyError' })
    await gov.elapse()
    const upgradeExecution = await gov.proposeExecution(upgrade.proposal)
    const upgraded = await gov.execute(upgradeExecution, await gov.sign(upgradeExecution, [OWNERS[0], OWNERS[1]]))
    expect(upgraded.stateAfter!.implementation).toBe(upgrade.deploySteps[0]!.deployedAddress)

    // 3. Restore: unpause and reopen the gates, each through the Safe.
    for (const [operation, state] of [
      ['unpause', { paused: false }],
      ['open-gates', { gatesClosed: false }],
    ] as const) {
      const file = `${env.dir}/${operation}.json`
      const proposal = await runProofx(['admin', operation, ...chain, '--propose', file])
      expect(proposal.code, proposal.stderr).toBe(0)
      const restored = await runProofx(
        ['admin', 'execute', ...chain, '--proposal', file, '--signatures', await signFiles(file, [OWNERS[0], OWNERS[2]])],
        executor(),
      )
      expect(restored.code, restored.stderr).toBe(0)
      expect(restored.json.stateAfter).toEqual(state)
    }
    // The gates are open again, but the record proven through v1 was voided with the swap.
    expect(await isCompliant(env, early.address)).toBe(false)

    // v1 proofs are refused (a fresh one: two delays have passed, older proofs are too old anyway), v2 proofs verify.
    const v1Again = await env.startProver()
    const lateV1Fresh = await prove(v1Again.url, late)
    await v1Again.close()
    await expect(submitProof(env.wallet(late), { address: env.deployment.proxy, proof: lateV1Fresh, policyId: 1n })).rejects.toBeInstanceOf(ProofRejectedError)
    const v2Prover = await env.startProver({ keys: v2 })
    await submitProof(env.wallet(late), { address: env.deployment.proxy, proof: await prove(v2Prover.url, late), policyId: 1n })
    expect(await isCompliant(env, late.address)).toBe(true)

    // The monitor: the pause and both scheduled rule changes are high alerts.
    const monitor = await runProofx(['monitor', ...chain, '--checkpoint', `${env.dir}/cp.json`, '--once'])
    expect(monitor.code, monitor.stderr).toBe(0)
    const high = monitor.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((a) => a.severity === 'high')
    expect(high.filter((a) => a.kind === 'ProtocolPaused').map((a) => a.data.account)).toEqual([GUARDIAN.address])
    expect(high.filter((a) => a.kind === 'GatesClosed').map((a) => a.data.account)).toEqual([GUARDIAN.address])
    expect(high.filter((a) => a.kind === 'UpgradeScheduled').map((a) => a.data.functionName)).toEqual(['setVerifier', 'upgradeToAndCall'])
  })
})
