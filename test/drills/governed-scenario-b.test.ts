// Playbook 3, Scenario B "Critical Bug in Circuit", the real circuit upgrade under the production governance on a real
// anvil: a deployment on circuit v1 (Groth16Verifier, circuits/artifacts/v1, policies hashed for v1) with a 2-of-3
// Safe, a timelock and a guardian. The guardian pauses and closes the gates at once with its own key; the switch to
// Groth16Verifier_v2 (voiding every v1 record) goes through the Safe and the timelock (scheduled, refused before the
// delay, executed after it), the policies' v2 hashes and the restart through the Safe; all with `proofx admin` as the
// operators run it, each owner signing with `proofx admin sign`. The holder's v1 record stops counting; proved again
// with circuit v2, they are compliant.
import { copyFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { encodeFunctionData, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  ContractPausedError,
  hashPolicy,
  hashVerificationKey,
  parseDeployment,
  ProofPolicyMismatchError,
  proofXVerifierAbi,
  submitProof,
  toPolicyDocumentJson,
} from '@proofx/sdk'
import { timelockAbi } from '@proofx/cli'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { account, createDrillEnv, isCompliant, privateKeyOf, requestProof, type DrillEnv } from './helpers/drill-env.js'
import { circuitArtifacts, circuitVkeyHash } from './helpers/circuit-artifacts.js'
import { demoPolicyDocumentsFor, forgeArtifactPath, forgeOut } from './helpers/deploy-drill.js'
import { GUARDIAN, OWNERS, TIMELOCK_DELAY, expectNoSingleOwnerChange, governDrill, writeGovernedDeploymentFile, type Governed } from './helpers/governance.js'
import { runProofx } from './helpers/run-proofx.js'

describe('drill: Scenario B governance, circuit v1 -> v2 through guardian + Safe + timelock', () => {
  let env: DrillEnv
  let gov: Governed
  let chain: string[]
  let deploymentFile: string
  beforeAll(async () => {
    env = await createDrillEnv({ circuitVersion: 1 })
    gov = await governDrill(env)
    // The deployment file the operators share: the contracts, the v1 policy documents and the governance contracts.
    ;({ deploymentFile, chain } = writeGovernedDeploymentFile(env, gov))
  })
  afterAll(() => env?.stop())

  const operator = () => ({ PROOFX_ADMIN_KEY: privateKeyOf(env.admin) })
  /** Each owner signs on their own machine: `proofx admin sign`, no RPC, one signature file per owner. */
  const sign = async (proposal: string, owners: readonly (typeof OWNERS)[number][]) => {
    const files: string[] = []
    for (const owner of owners) {
      const out = `${proposal}.${owner.address}.sig.json`
      const signed = await runProofx(['admin', 'sign', '--proposal', proposal, '--out', out], { PROOFX_ADMIN_KEY: privateKeyOf(owner) })
      expect(signed.code, signed.stderr).toBe(0)
      expect(signed.json).toMatchObject({ signer: owner.address, safe: gov.governance.safe })
      files.push(out)
    }
    return files.join(',')
  }
  const execute = (proposal: string, signatures: string) =>
    runProofx(['admin', 'execute', ...chain, '--proposal', proposal, '--signatures', signatures], operator())
  /** A Safe operation end to end: propose, two owners sign, the operator executes; returns the execution's output. */
  const throughSafe = async (operation: string, args: string[], owners: readonly (typeof OWNERS)[number][]) => {
    const file = `${env.dir}/${operation}.json`
    const proposed = await runProofx(['admin', operation, ...chain, ...args, '--propose', file])
    expect(proposed.code, proposed.stderr).toBe(0)
    expect(proposed.json).toMatchObject({ route: 'safe', proposal: { phase: 'direct', safe: gov.governance.safe } })
    const executed = await execute(file, await sign(file, owners))
    expect(executed.code, executed.stderr).toBe(0)
    return executed.json
  }
  const prove = async (url: string, who: ReturnType<typeof account>) => {
    const res = await requestProof(url, demoProofRequest({ subject: who.address, now: await env.chainNow() }).body)
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    return { proof: res.json.proof, publicSignals: res.json.publicSignals as string[] }
  }

  // Proving three times and some thirty CLI runs: allow for a loaded machine.
  test('contain at once, switch to Groth16Verifier_v2 voiding v1 through the timelock, re-register the policies and restore through the Safe', {
    timeout: 900_000,
  }, async () => {
    // Before the incident: circuit v1's verifier and key are deployed, and a holder proves with v1's artifacts.
    expect(env.deployment.vkeyHash).toBe(circuitVkeyHash(1))
    const [holder, late] = [account(8), account(9)]
    const v1Prover = await env.startProver()
    await submitProof(env.wallet(holder), { address: env.deployment.proxy, proof: await prove(v1Prover.url, holder), policyId: 1n })
    expect(await isCompliant(env, holder.address)).toBe(true)
    const lateV1 = await prove(v1Prover.url, late)

    // 1. Contain: an owner's key cannot pause on its own; the guardian's does, in one transaction, no delay.
    const ownerPause = await runProofx(['admin', 'pause', ...chain], { PROOFX_ADMIN_KEY: privateKeyOf(OWNERS[0]) })
    expect(ownerPause.code).toBe(1)
    const before = await env.publicClient.getBlockNumber()
    const paused = await runProofx(['admin', 'pause', ...chain], { PROOFX_ADMIN_KEY: privateKeyOf(GUARDIAN) })
    expect(paused.code, paused.stderr).toBe(0)
    expect(paused.json).toMatchObject({ route: 'direct', from: GUARDIAN.address, stateAfter: { paused: true } })
    expect(BigInt(paused.json.steps[0].blockNumber)).toBe(before + 1n)
    await expect(submitProof(env.wallet(late), { address: env.deployment.proxy, proof: lateV1, policyId: 1n })).rejects.toBeInstanceOf(ContractPausedError)
    // ... and closes the gates: records made through the broken circuit stop letting anyone through at once.
    const closed = await runProofx(['admin', 'close-gates', ...chain], { PROOFX_ADMIN_KEY: privateKeyOf(GUARDIAN) })
    expect(closed.code, closed.stderr).toBe(0)
    expect(closed.json).toMatchObject({ route: 'direct', from: GUARDIAN.address, stateAfter: { gatesClosed: true } })
    expect(await isCompliant(env, holder.address)).toBe(false)
    // The guardian cannot restart on its own: without --propose its key is told the Safe holds the role.
    const guardianUnpause = await runProofx(['admin', 'unpause', ...chain], { PROOFX_ADMIN_KEY: privateKeyOf(GUARDIAN) })
    expect(guardianUnpause.code).toBe(1)
    expect(guardianUnpause.stderr).toMatch(/--propose is needed: your key does not hold the role "unpause" needs, the Safe does/)
    // Nor can any one owner, and the Safe itself cannot swap the verifier or upgrade without the timelock.
    await expectNoSingleOwnerChange(env, gov)

    // 2. Remediate: Groth16Verifier_v2 from the Foundry build (a private copy: a concurrent forge build may rewrite out/),
    // deployed by the operator's key, the switch voiding every v1 record scheduled through the Safe.
    const v2Artifact = `${env.dir}/Groth16Verifier_v2.json`
    copyFileSync(forgeArtifactPath('Groth16Verifier_v2'), v2Artifact)
    const v2Vkey = circuitArtifacts(2).vkey
    const schedule = `${env.dir}/schedule-v2.json`
    const proposed = await runProofx(
      ['admin', 'set-verifier', ...chain, '--verifier-artifact', v2Artifact, '--vkey', v2Vkey, '--void-earlier-records', 'true', '--propose', schedule],
      operator(),
    )
    expect(proposed.code, proposed.stderr).toBe(0)
    expect(proposed.json).toMatchObject({ route: 'timelock', proposal: { phase: 'schedule', timelock: { delay: String(TIMELOCK_DELAY) } } })
    const v2Verifier = proposed.json.deploySteps[0].deployedAddress
    // One owner's signature does not even schedule it.
    const [first, second] = (await sign(schedule, [OWNERS[0], OWNERS[1]])).split(',')
    const alone = await execute(schedule, first!)
    expect(alone.code).toBe(1)
    expect(alone.stderr).toMatch(/needs 2 owner signatures; 1 valid one\(s\) given/)
    const scheduled = await execute(schedule, `${first},${second}`)
    expect(scheduled.code, scheduled.stderr).toBe(0)
    expect(scheduled.json.timelock).toMatchObject({ state: 'waiting' })

    // Too early: proofx refuses and writes nothing to sign, and the timelock itself would revert the Safe's execute.
    const execution = `${env.dir}/execute-v2.json`
    const tooEarly = await runProofx(['admin', 'execute-scheduled', ...chain, '--proposal', schedule, '--propose', execution])
    expect(tooEarly.code).toBe(1)
    expect(tooEarly.stderr).toMatch(/still in its delay: ready at/)
    const t = proposed.json.proposal.timelock
    const executeCall = encodeFunctionData({
      abi: timelockAbi(),
      functionName: 'execute',
      args: [t.calls[0].target, 0n, t.calls[0].data as Hex, t.predecessor as Hex, t.salt as Hex],
    })
    await expect(env.publicClient.call({ account: gov.governance.safe, to: gov.governance.timelock, data: executeCall })).rejects.toThrow(
      /TimelockUnexpectedOperationState|0x5ead8eb5/,
    )
    expect(await env.publicClient.readContract({ address: env.deployment.proxy, abi: proofXVerifierAbi, functionName: 'verifier' })).toBe(
      env.deployment.groth16Verifier,
    )

    await gov.elapse()
    const ready = await runProofx(['admin', 'execute-scheduled', ...chain, '--proposal', schedule, '--propose', execution])
    expect(ready.code, ready.stderr).toBe(0)
    const swapped = await execute(execution, await sign(execution, [OWNERS[1], OWNERS[2]]))
    expect(swapped.code, swapped.stderr).toBe(0)
    // "Start fresh": every record of the v1 generation is void from this transaction on.
    expect(swapped.json.stateBefore).toMatchObject({ verifier: env.deployment.groth16Verifier, vkeyHash: env.deployment.vkeyHash, verifierGeneration: 1 })
    const v2VkeyHash = hashVerificationKey(JSON.parse(readFileSync(v2Vkey, 'utf8')))
    expect(v2VkeyHash).not.toBe(env.deployment.vkeyHash)
    expect(swapped.json.stateAfter).toEqual({ verifier: v2Verifier, vkeyHash: v2VkeyHash, verifierGeneration: 2, validFromGeneration: 2 })

    // Circuit v2 hashes the policies differently (it commits the validity period): their new hashes, one Safe MultiSend.
    const documents = demoPolicyDocumentsFor(2)
    const policyFiles = documents.map((document) => {
      const file = `${env.dir}/${document.name}.v2.json`
      writeFileSync(file, JSON.stringify(toPolicyDocumentJson(document)))
      return file
    })
    const registered = await throughSafe('set-policy', ['--policy', policyFiles.join(',')], [OWNERS[0], OWNERS[2]])
    // The deployment file now lists the v2 documents (dApps read the policies from it), as `proofx policy set` would.
    const listed = parseDeployment(JSON.parse(readFileSync(deploymentFile, 'utf8')), deploymentFile)
    for (const document of documents) expect(listed.policyDocuments[document.name]).toMatchObject({ id: document.id, hash: document.hash })
    for (const document of documents) {
      // What the v1 deployment registered: the v1 hash of the same rules.
      expect(registered.stateBefore[document.name]).toMatchObject({ policyHash: hashPolicy(document.rules, 1).toString() })
      expect(document.hash).toBe(hashPolicy(document.rules, 2))
      expect(document.hash).not.toBe(hashPolicy(document.rules, 1))
      expect(registered.stateAfter[document.name]).toEqual({
        policyId: document.id.toString(),
        policyHash: document.hash.toString(),
        validityPeriod: document.validityPeriod,
        active: true,
      })
    }

    // Option B of the playbook too: a UUPS upgrade waits in the same timelock.
    const implementationArtifact = `${env.dir}/ProofXVerifier.json`
    copyFileSync(forgeArtifactPath('ProofXVerifier'), implementationArtifact)
    // proofx admin upgrade first validates the storage layout against the deployed release (@openzeppelin/upgrades-core).
    for (const dir of ['build-info', 'deployed-build-info']) cpSync(`${forgeOut()}/build-info`, `${env.dir}/${dir}`, { recursive: true })
    // The documented commands: `admin upgrade --propose` (the operator's key deploys the validated implementation), two
    // owners sign the schedule, `execute`; `execute-scheduled` refused before the delay, then sign and execute again.
    const upgradeSchedule = `${env.dir}/schedule-upgrade.json`
    const upgrade = await runProofx(
      [
        'admin',
        'upgrade',
        ...chain,
        '--artifact',
        implementationArtifact,
        '--build-info-dir',
        `${env.dir}/build-info`,
        '--reference',
        'deployed-build-info:ProofXVerifier',
        '--reference-build-info-dir',
        `${env.dir}/deployed-build-info`,
        '--propose',
        upgradeSchedule,
      ],
      operator(),
    )
    expect(upgrade.code, upgrade.stderr).toBe(0)
    expect(upgrade.json).toMatchObject({ route: 'timelock', proposal: { phase: 'schedule', timelock: { delay: String(TIMELOCK_DELAY) } } })
    const implementation = upgrade.json.deploySteps[0].deployedAddress
    const upgradeScheduled = await execute(upgradeSchedule, await sign(upgradeSchedule, [OWNERS[0], OWNERS[2]]))
    expect(upgradeScheduled.code, upgradeScheduled.stderr).toBe(0)
    expect(upgradeScheduled.json.timelock).toMatchObject({ state: 'waiting' })
    const upgradeExecution = `${env.dir}/execute-upgrade.json`
    const upgradeTooEarly = await runProofx(['admin', 'execute-scheduled', ...chain, '--proposal', upgradeSchedule, '--propose', upgradeExecution])
    expect(upgradeTooEarly.code).toBe(1)
    expect(upgradeTooEarly.stderr).toMatch(/still in its delay: ready at/)
    expect(existsSync(upgradeExecution)).toBe(false)
    await gov.elapse()
    const upgradeReady = await runProofx(['admin', 'execute-scheduled', ...chain, '--proposal', upgradeSchedule, '--propose', upgradeExecution])
    expect(upgradeReady.code, upgradeReady.stderr).toBe(0)
    const upgraded = await execute(upgradeExecution, await sign(upgradeExecution, [OWNERS[0], OWNERS[1]]))
    expect(upgraded.code, upgraded.stderr).toBe(0)
    expect(upgraded.json.stateBefore.implementation).not.toBe(implementation)
    expect(upgraded.json.stateAfter.implementation).toBe(implementation)

    // 3. Restore: unpause and reopen the gates, each through the Safe.
    expect((await throughSafe('unpause', [], [OWNERS[0], OWNERS[2]])).stateAfter).toEqual({ paused: false })
    expect((await throughSafe('open-gates', [], [OWNERS[1], OWNERS[2]])).stateAfter).toEqual({ gatesClosed: false })
    // The gates are open again, but the holder's v1 record was voided with the swap: it no longer counts.
    expect(await isCompliant(env, holder.address)).toBe(false)
    const record = await env.publicClient.readContract({
      address: env.deployment.proxy,
      abi: proofXVerifierAbi,
      functionName: 'getComplianceRecord',
      args: [holder.address, 1n],
    })
    expect(record.verifierGeneration).toBe(1)

    // A fresh v1 proof (the delays made the earlier ones too old anyway) is refused, with a typed error before sending:
    // it carries v1's hash of the policy, the contract now registers v2's.
    const freshV1 = await prove(v1Prover.url, holder)
    await v1Prover.close()
    const refused = await submitProof(env.wallet(holder), { address: env.deployment.proxy, proof: freshV1, policyId: 1n }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ProofPolicyMismatchError)
    const accredited = documents.find((d) => d.id === 1n)!
    expect(refused).toMatchObject({ policyId: 1n, proofPolicyHash: hashPolicy(accredited.rules, 1), policyHash: accredited.hash })
    // ... and the holder, proving again with circuit v2's artifacts, is compliant.
    const v2Prover = await env.startProver({ artifacts: circuitArtifacts(2) })
    await submitProof(env.wallet(holder), { address: env.deployment.proxy, proof: await prove(v2Prover.url, holder), policyId: 1n })
    expect(await isCompliant(env, holder.address)).toBe(true)
    // After the incident as before it: no single owner can change anything (e.g. switch back to the v1 verifier).
    await expectNoSingleOwnerChange(env, gov)

    // The monitor: the guardian's pause and gate closing and both scheduled rule changes are high alerts.
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
