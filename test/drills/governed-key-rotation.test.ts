// Playbook 4 "Key Rotation Schedule" under the production governance: `proofx keys audit` reports the Safe, the
// timelock and the stale signer; the rotation (grant the new key, revoke the old, one MultiSend) is a Safe transaction
// two owners sign; one owner alone cannot rotate.
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { account, createDrillEnv, isSigner, privateKeyOf, type DrillEnv } from './helpers/drill-env.js'
import {
  GUARDIAN,
  OWNERS,
  TIMELOCK_DELAY,
  expectNoSingleOwnerChange,
  expectTimelockHolds,
  governDrill,
  writeGovernedDeploymentFile,
  type Governed,
} from './helpers/governance.js'
import { runProofx } from './helpers/run-proofx.js'

describe('drill: 90-day rotation through the Safe', () => {
  let env: DrillEnv
  let gov: Governed
  let chain: string[]
  beforeAll(async () => {
    env = await createDrillEnv()
    gov = await governDrill(env)
    ;({ chain } = writeGovernedDeploymentFile(env, gov))
  })
  afterAll(() => env?.stop())

  test('audit flags the 91-day-old key and shows the governance; the Safe rotates it; the audit is clean again', { timeout: 600_000 }, async () => {
    const [old, replacement] = [account(1), account(3)]
    const grant = await gov.propose('grant-signer', { account: old.address })
    await gov.execute(grant.proposal, await gov.sign(grant.proposal, [OWNERS[0], OWNERS[1]]))
    await gov.elapse(91 * 86_400)

    const audit = await runProofx(['keys', 'audit', ...chain, '--strict'])
    expect(audit.code).toBe(1)
    expect(audit.stderr).toMatch(/older than 90 days/)
    expect(audit.json.stale).toEqual([old.address])
    expect(audit.json.governance).toMatchObject({
      roles: {
        DEFAULT_ADMIN_ROLE: [{ account: gov.governance.safe, is: 'safe' }],
        UPGRADER_ROLE: [{ account: gov.governance.timelock, is: 'timelock' }],
        PAUSER_ROLE: [{ account: GUARDIAN.address, is: 'guardian' }],
        SIGNER_ROLE: [{ account: old.address, is: 'account' }],
      },
      safe: { owners: OWNERS.map((o) => o.address), threshold: 2, version: '1.4.1' },
      timelock: { minDelaySeconds: TIMELOCK_DELAY, proposers: [gov.governance.safe] },
      warnings: [],
    })

    // One owner alone: its key holds no role, and its single signature does not reach the threshold.
    const alone = await runProofx(['admin', 'rotate-signer', ...chain, '--old', old.address, '--new', replacement.address], {
      PROOFX_ADMIN_KEY: privateKeyOf(OWNERS[1]),
    })
    expect(alone.code).toBe(1)
    const rotation = `${env.dir}/rotate.json`
    const proposed = await runProofx(['admin', 'rotate-signer', ...chain, '--old', old.address, '--new', replacement.address, '--propose', rotation])
    expect(proposed.code, proposed.stderr).toBe(0)
    // Two calls in one Safe transaction: a delegatecall to MultiSendCallOnly.
    expect(proposed.json.proposal).toMatchObject({
      safeTransaction: { operation: 1, to: gov.governance.safeContracts!.multiSendCallOnlyAddress },
      simulation: [{ result: 'ok' }, { result: 'ok' }],
    })
    const sigs = await gov.sign(proposed.json.proposal, [OWNERS[1], OWNERS[2]])
    await expect(gov.execute(proposed.json.proposal, [sigs[0]!])).rejects.toMatchObject({ name: 'ThresholdNotMetError' })
    expect(await isSigner(env, replacement.address)).toBe(false)

    const signatureFiles = sigs.map((s, i) => {
      const path = `${env.dir}/rotate-${i}.sig.json`
      writeFileSync(path, JSON.stringify(s.file))
      return path
    })
    const executed = await runProofx(['admin', 'execute', ...chain, '--proposal', rotation, '--signatures', signatureFiles.join(',')], {
      PROOFX_ADMIN_KEY: privateKeyOf(env.admin),
    })
    expect(executed.code, executed.stderr).toBe(0)
    expect(executed.json.stateAfter).toEqual({ old: { account: old.address, isSigner: false }, new: { account: replacement.address, isSigner: true } })

    const clean = await runProofx(['keys', 'audit', ...chain, '--strict'])
    expect(clean.code, clean.stderr).toBe(0)
    expect(clean.json.signers.map((s: { account: string }) => s.account)).toEqual([replacement.address])

    // No owner's key alone changes anything, the Safe cannot skip the timelock, and a scheduled swap cannot run early:
    // the audit lists it as pending, not ready.
    await expectNoSingleOwnerChange(env, gov)
    const pending = await expectTimelockHolds(env, gov)
    const after = await runProofx(['keys', 'audit', ...chain])
    expect(after.json.governance.timelock.pending).toEqual([expect.objectContaining({ id: pending, target: env.deployment.proxy, ready: false })])
  })
})
