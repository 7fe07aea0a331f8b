// Playbook 4 "Key Rotation Schedule": signer keys rotate every 90 days. `proofx keys audit` flags the old one
// (anvil time travel), `proofx admin rotate-signer` replaces it, and the audit is clean again.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditSignerKeys } from '@proofx/cli'
import { account, createDrillEnv, isSigner, privateKeyOf, type DrillEnv } from './helpers/drill-env.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const proofx = async (args: string[], env: Record<string, string>) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@proofx/source', '--import', 'tsx', 'cli/src/cli/proofx.ts', ...args],
      { cwd: root, env: { ...process.env, ...env } },
    )
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('drill: 90-day signer key rotation', () => {
  let env: DrillEnv
  beforeAll(async () => {
    env = await createDrillEnv()
  })
  afterAll(() => env?.stop())

  test('keys audit flags a signer granted over 90 days ago; rotate-signer fixes it', async () => {
    const [old, recent, replacement] = [account(1), account(2), account(3)]
    await env.adminRun('grant-signer', { account: old.address })
    await env.publicClient.request({ method: 'evm_increaseTime' as never, params: [91 * 86_400] as never })
    await env.publicClient.request({ method: 'evm_mine' as never })
    await env.adminRun('grant-signer', { account: recent.address })

    const report = await auditSignerKeys(env.publicClient, { contract: env.deployment.proxy, fromBlock: env.deployment.deployBlock })
    expect(report.signers.map((s) => [s.account, s.stale])).toEqual([
      [old.address, true],
      [recent.address, false],
    ])
    expect(report.signers[0]!.ageDays).toBeGreaterThanOrEqual(91)
    expect(report.stale).toEqual([old.address])

    // The CLI, as an operator or a cron job runs it: --strict exits 1 while a key is stale.
    const chain = ['--rpc', env.anvil.rpcUrl, '--contract', env.deployment.proxy, '--from-block', String(env.deployment.deployBlock)]
    const audit = await proofx(['keys', 'audit', ...chain, '--strict'], {})
    expect(audit.code).toBe(1)
    expect(JSON.parse(audit.stdout).stale).toEqual([old.address])
    expect(audit.stderr).toMatch(/older than 90 days/)

    // Rotate: grant the replacement, then revoke the old key (admin key from the environment).
    const adminEnv = { PROOFX_ADMIN_KEY: privateKeyOf(env.admin) }
    const rotateArgs = [
      'admin',
      'rotate-signer',
      '--rpc',
      env.anvil.rpcUrl,
      '--contract',
      env.deployment.proxy,
      '--old',
      old.address,
      '--new',
      replacement.address,
    ]
    const dry = await env.adminRun('rotate-signer', { old: old.address, new: replacement.address }, { dryRun: true })
    expect(dry.steps.map((s) => s.simulation)).toEqual(['ok', 'ok'])
    expect(await isSigner(env, replacement.address)).toBe(false)
    const rotated = await proofx(rotateArgs, adminEnv)
    expect(rotated.code, rotated.stderr).toBe(0)
    const result = JSON.parse(rotated.stdout)
    expect(result.steps.every((s: { transactionHash?: string }) => /^0x[0-9a-f]{64}$/.test(s.transactionHash ?? ''))).toBe(true)
    expect(result.stateAfter).toEqual({ old: { account: old.address, isSigner: false }, new: { account: replacement.address, isSigner: true } })

    const after = await auditSignerKeys(env.publicClient, { contract: env.deployment.proxy, fromBlock: env.deployment.deployBlock })
    expect(after.signers.map((s) => s.account)).toEqual([recent.address, replacement.address])
    expect(after.stale).toEqual([])

    // `proofx monitor --once` (as a cron job would run it) reports the rotation as two high alerts.
    const out = `${env.dir}/cli-alerts.jsonl`
    const monitor = await proofx(['monitor', ...chain, '--checkpoint', `${env.dir}/cli-checkpoint.json`, '--out', out, '--quiet', '--once'], {})
    expect(monitor.code, monitor.stderr).toBe(0)
    const alerts = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(
      alerts
        .filter((a) => a.kind === 'RoleChange' && a.data.roleName === 'SIGNER_ROLE')
        .slice(-2)
        .map((a) => [a.event, a.data.account, a.severity]),
    ).toEqual([
      ['RoleGranted', replacement.address, 'high'],
      ['RoleRevoked', old.address, 'high'],
    ])
  })
})
