// Playbook 3, Scenario A "Prover Key Compromise", against a real anvil: identify -> contain (revokeRole) ->
// recover (new key pair, grantRole, redeploy the prover with it), with the monitor watching throughout.
import { createServer, type Server } from 'node:http'
import { readFileSync } from 'node:fs'
import { generatePrivateKey } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { UnauthorizedSubmitterError } from '@proofx/sdk'
import { writeKeystore, loadAccount, webhookSink, type Alert, createContractRelayer } from '@proofx/cli'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { account, createDrillEnv, isCompliant, isSigner, requestProof, type DrillEnv } from './helpers/drill-env.js'

describe('drill: Scenario A, prover key compromise', () => {
  let env: DrillEnv
  let hook: Server
  const webhookAlerts: Alert[] = []
  const compromised = account(1)
  const subjects = [account(5).address, account(6).address, account(7).address]

  beforeAll(async () => {
    env = await createDrillEnv()
    hook = createServer((req, res) => {
      let body = ''
      req
        .on('data', (c) => (body += c))
        .on('end', () => {
          webhookAlerts.push(JSON.parse(body))
          res.end('ok')
        })
    })
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r))
  })
  afterAll(async () => {
    hook?.close()
    await env?.stop()
  })

  test('contain and recover; the compromised key is refused with a typed error; the monitor saw every role change', async () => {
    const address = hook.address() as { port: number }
    const monitor = env.monitor({ extraSinks: [webhookSink(`http://127.0.0.1:${address.port}/alerts`, { minSeverity: 'high' })] })

    // Normal operation: the (soon compromised) key relays a proof.
    const granted = await env.adminRun('grant-signer', { account: compromised.address })
    expect(granted.stateAfter).toEqual({ account: compromised.address, isSigner: true })
    const prover = await env.startProver({ signer: compromised })
    const first = await requestProof(prover.url, demoProofRequest({ subject: subjects[0]!, now: await env.chainNow(), relay: true }).body)
    expect(first.status, JSON.stringify(first.json)).toBe(200)
    expect(first.json.relay).toMatchObject({ signer: compromised.address, verified: true })
    expect(await isCompliant(env, subjects[0]!)).toBe(true)

    // 1. Identify: ProofVerified names the signer that sent it.
    const alertsBefore = await monitor.catchUp()
    expect(alertsBefore.find((a) => a.kind === 'RoleChange' && a.data.account === compromised.address)).toMatchObject({
      severity: 'high',
      event: 'RoleGranted',
      data: { roleName: 'SIGNER_ROLE' },
    })

    // 2. Contain: dry run first (nothing changes), then revokeRole(SIGNER_ROLE, compromised).
    const dry = await env.adminRun('revoke-signer', { account: compromised.address }, { dryRun: true })
    expect(dry.steps).toEqual([expect.objectContaining({ simulation: 'ok', description: `revoke SIGNER_ROLE from ${compromised.address}` })])
    expect(dry.steps[0]!.transactionHash).toBeUndefined()
    expect(await isSigner(env, compromised.address)).toBe(true)
    const revoked = await env.adminRun('revoke-signer', { account: compromised.address })
    expect(revoked.steps[0]!.transactionHash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(revoked.stateAfter).toEqual({ account: compromised.address, isSigner: false })

    // Its next submission fails: through the service (502 naming the error) and directly (typed SDK error).
    const refused = await requestProof(prover.url, demoProofRequest({ subject: subjects[1]!, now: await env.chainNow(), relay: true }).body)
    expect(refused.status).toBe(502)
    expect(refused.json.error).toBe('UnauthorizedSubmitterError')
    const direct = createContractRelayer({ walletClient: env.wallet(compromised), contract: env.deployment.proxy })
    const calldata = refused.json.calldata
    const struct = {
      ...calldata.proof,
      issuerKeyHash: BigInt(calldata.proof.issuerKeyHash),
      nullifier: BigInt(calldata.proof.nullifier),
      timestamp: BigInt(calldata.proof.timestamp),
      a: calldata.proof.a.map(BigInt),
      b: calldata.proof.b.map((r: string[]) => r.map(BigInt)),
      c: calldata.proof.c.map(BigInt),
    }
    await expect(direct.submit({ policyId: 1n, subject: subjects[1]!, proof: struct })).rejects.toBeInstanceOf(UnauthorizedSubmitterError)
    expect(await isCompliant(env, subjects[1]!)).toBe(false)
    // The service stops using the revoked key: relays are refused at once and readiness says why.
    const stopped = await requestProof(prover.url, demoProofRequest({ subject: subjects[1]!, now: await env.chainNow(), relay: true }).body)
    expect([stopped.status, stopped.json.error]).toEqual([503, 'RelaySignerRevokedError'])
    expect((await (await fetch(`${prover.url}/readyz`)).json()).relay).toEqual({ signer: compromised.address, status: 'revoked' })
    await prover.close()

    // 3. Recover: a new key pair in a keystore, granted, and the prover redeployed with it.
    const keystore = `${env.dir}/signer-2.json`
    await writeKeystore(keystore, generatePrivateKey(), 'drill password', { n: 1024 })
    const fresh = await loadAccount({ kind: 'keystore', path: keystore, password: 'drill password' })
    expect(fresh.address).not.toBe(compromised.address)
    // The new key pays its own gas.
    await env.publicClient.waitForTransactionReceipt({ hash: await env.wallet(env.admin).sendTransaction({ to: fresh.address, value: 10n ** 18n }) })
    await env.adminRun('grant-signer', { account: fresh.address })
    const rotated = await env.startProver({ signer: fresh })
    const again = await requestProof(rotated.url, demoProofRequest({ subject: subjects[2]!, now: await env.chainNow(), relay: true }).body)
    expect(again.status, JSON.stringify(again.json)).toBe(200)
    expect(again.json.relay).toMatchObject({ signer: fresh.address, verified: true })
    expect(await isCompliant(env, subjects[2]!)).toBe(true)

    // The monitor raised a high alert for each role change, once, and sent it to the webhook.
    const after = await monitor.catchUp()
    const roleAlerts = [...alertsBefore, ...after].filter((a) => a.kind === 'RoleChange' && a.data.roleName === 'SIGNER_ROLE')
    expect(roleAlerts.map((a) => [a.event, a.data.account, a.severity])).toEqual([
      ['RoleGranted', compromised.address, 'high'],
      ['RoleRevoked', compromised.address, 'high'],
      ['RoleGranted', fresh.address, 'high'],
    ])
    expect(roleAlerts.map((a) => a.transactionHash)).toEqual([granted.steps[0]!.transactionHash, revoked.steps[0]!.transactionHash, expect.any(String)])
    expect(webhookAlerts.filter((a) => a.data.roleName === 'SIGNER_ROLE').map((a) => a.id)).toEqual(roleAlerts.map((a) => a.id))
    const lines = readFileSync(env.alertsFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Alert)
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length)
  })
})
