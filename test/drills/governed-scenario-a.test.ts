// Playbook 3, Scenario A "Prover Key Compromise" with the production governance on a real anvil: the admin is a
// 2-of-3 Safe (real Safe 1.4.1 contracts), so containment (revokeRole) and recovery (grantRole) are Safe transactions
// that two owners sign, each on their own from their keystore, with documented `proofx admin` commands.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { writeKeystore } from '@proofx/cli'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { account, createDrillEnv, isCompliant, isSigner, privateKeyOf, requestProof, type DrillEnv } from './helpers/drill-env.js'
import { OWNERS, expectNoSingleOwnerChange, expectTimelockHolds, governDrill, writeGovernedDeploymentFile, type Governed } from './helpers/governance.js'
import { runProofx } from './helpers/run-proofx.js'

describe('drill: Scenario A through a 2-of-3 Safe', () => {
  let env: DrillEnv
  let gov: Governed
  let chain: string[]
  const password = 'drill password'
  const keystores: string[] = []
  const compromised = account(1)
  const fresh = account(2)

  beforeAll(async () => {
    env = await createDrillEnv()
    await env.adminRun('grant-signer', { account: compromised.address })
    gov = await governDrill(env)
    // The deployment file the operators share: the contracts, the policy documents and the governance contracts.
    ;({ chain } = writeGovernedDeploymentFile(env, gov))
    // Each owner's key lives in their own keystore.
    for (const [i, owner] of OWNERS.entries()) {
      keystores.push(`${env.dir}/owner-${i}.json`)
      await writeKeystore(keystores[i]!, privateKeyOf(owner), password, { n: 1024 })
    }
  })
  afterAll(() => env?.stop())

  /** Owner i signs `proposal` with `proofx admin sign`, offline (no --rpc). */
  const sign = async (proposal: string, i: number) => {
    const out = `${proposal}.owner-${i}.sig.json`
    const signed = await runProofx(['admin', 'sign', '--proposal', proposal, '--keystore', keystores[i]!, '--out', out], { PROOFX_KEYSTORE_PASSWORD: password })
    expect(signed.code, signed.stderr).toBe(0)
    expect(signed.json).toMatchObject({ signer: OWNERS[i]!.address })
    return out
  }

  // A dozen CLI runs (each a fresh process): allow for a loaded machine.
  test('contain and recover through the Safe; one owner alone changes nothing', { timeout: 900_000 }, async () => {
    const prover = await env.startProver({ signer: compromised })
    const ok = await requestProof(prover.url, demoProofRequest({ subject: account(5).address, now: await env.chainNow(), relay: true }).body)
    expect(ok.status, JSON.stringify(ok.json)).toBe(200)

    // 2. Contain: an owner's key alone cannot revoke; the command says a Safe proposal is needed.
    const ownerKey = { PROOFX_ADMIN_KEY: privateKeyOf(OWNERS[0]) }
    const alone = await runProofx(['admin', 'revoke-signer', ...chain, '--account', compromised.address], ownerKey)
    expect(alone.code).toBe(1)
    expect(alone.stderr).toMatch(/--propose/)
    // The dry run shows the simulated effect from the Safe; nothing is written or sent.
    const dry = await runProofx(['admin', 'revoke-signer', ...chain, '--account', compromised.address, '--dry-run'])
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.json).toMatchObject({ route: 'safe', stateBefore: { isSigner: true }, proposal: { simulation: [{ result: 'ok' }] } })
    const revoke = `${env.dir}/revoke.json`
    const proposed = await runProofx(['admin', 'revoke-signer', ...chain, '--account', compromised.address, '--propose', revoke])
    expect(proposed.code, proposed.stderr).toBe(0)
    expect(proposed.json.next[0]).toMatch(/proofx admin sign --proposal/)

    const first = await sign(revoke, 0)
    const executor = { PROOFX_ADMIN_KEY: privateKeyOf(env.admin) }
    const one = await runProofx(['admin', 'execute', ...chain, '--proposal', revoke, '--signatures', first], executor)
    expect(one.code).toBe(1)
    expect(one.stderr).toMatch(/needs 2 owner signatures; 1 valid/)
    expect(await isSigner(env, compromised.address)).toBe(true)

    const second = await sign(revoke, 2)
    const executed = await runProofx(['admin', 'execute', ...chain, '--proposal', revoke, '--signatures', `${first},${second}`], executor)
    expect(executed.code, executed.stderr).toBe(0)
    expect(executed.json).toMatchObject({ signers: [OWNERS[0].address, OWNERS[2].address], stateBefore: { isSigner: true }, stateAfter: { isSigner: false } })
    const refused = await requestProof(prover.url, demoProofRequest({ subject: account(6).address, now: await env.chainNow(), relay: true }).body)
    expect([refused.status, refused.json.error]).toEqual([502, 'UnauthorizedSubmitterError'])
    await prover.close()

    // 3. Recover: grant the new key through the Safe, redeploy the prover with it.
    await env.publicClient.waitForTransactionReceipt({ hash: await env.wallet(env.admin).sendTransaction({ to: fresh.address, value: 10n ** 18n }) })
    const grant = `${env.dir}/grant.json`
    expect((await runProofx(['admin', 'grant-signer', ...chain, '--account', fresh.address, '--propose', grant])).code).toBe(0)
    const granted = await runProofx(
      ['admin', 'execute', ...chain, '--proposal', grant, '--signatures', `${await sign(grant, 1)},${await sign(grant, 2)}`],
      executor,
    )
    expect(granted.code, granted.stderr).toBe(0)
    expect(granted.json.stateAfter).toEqual({ account: fresh.address, isSigner: true })
    const rotated = await env.startProver({ signer: fresh })
    const again = await requestProof(rotated.url, demoProofRequest({ subject: account(7).address, now: await env.chainNow(), relay: true }).body)
    expect(again.status, JSON.stringify(again.json)).toBe(200)
    expect(await isCompliant(env, account(7).address)).toBe(true)

    // No owner's key alone changes anything, the Safe cannot skip the timelock, and a scheduled swap cannot run early.
    await expectNoSingleOwnerChange(env, gov)
    await expectTimelockHolds(env, gov)

    // The monitor (as operators run it, governance from the deployment file) raised each role change as high.
    const monitor = await runProofx(['monitor', ...chain, '--checkpoint', `${env.dir}/cp.json`, '--once'])
    expect(monitor.code, monitor.stderr).toBe(0)
    const alerts = monitor.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(
      alerts.filter((a) => a.kind === 'RoleChange' && a.data.roleName === 'SIGNER_ROLE').map((a) => [a.event, a.data.account, a.severity, a.data.sender]),
    ).toEqual([
      ['RoleGranted', compromised.address, 'high', env.admin.address],
      ['RoleRevoked', compromised.address, 'high', gov.governance.safe],
      ['RoleGranted', fresh.address, 'high', gov.governance.safe],
    ])
  })
})
