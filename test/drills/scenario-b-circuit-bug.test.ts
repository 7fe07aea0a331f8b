// Playbook 3, Scenario B "Critical Bug in Circuit", against a real anvil: contain (pause, close the gates) -> remediate (new
// phase-2 setup, Groth16Verifier v2) -> restore (set-verifier voiding the old generation, also a UUPS upgrade; unpause, open the gates).
import { copyFileSync, cpSync, readFileSync } from 'node:fs'
// @ts-expect-error ffjavascript ships no types
import { buildBn128 } from 'ffjavascript'
import { parseAbi } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { submitProof, hashVerificationKey, ContractPausedError, ProofRejectedError, toProofXProof } from '@proofx/sdk'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { account, createDrillEnv, isCompliant, requestProof, type DrillEnv } from './helpers/drill-env.js'
import { forgeArtifactPath, forgeOut } from './helpers/deploy-drill.js'
import { newCircuitVersion } from './helpers/new-circuit-version.js'

describe('drill: Scenario B, critical bug in the circuit', () => {
  let env: DrillEnv
  let implementationArtifact: string
  beforeAll(async () => {
    // snarkjs's nested web-workers cannot start inside vitest's worker: one single-threaded curve for the setup.
    ;(globalThis as { curve_bn128?: unknown }).curve_bn128 = await buildBn128(true)
    env = await createDrillEnv()
    // A private copy: a concurrent `forge build` may rewrite out/ while the drill runs.
    implementationArtifact = `${env.dir}/ProofXVerifier.json`
    copyFileSync(forgeArtifactPath('ProofXVerifier'), implementationArtifact)
    // ... with its build info (the new release) and the deployed release's (here the same build), for the upgrade check.
    for (const dir of ['build-info', 'deployed-build-info']) cpSync(`${forgeOut()}/build-info`, `${env.dir}/${dir}`, { recursive: true })
  })
  afterAll(() => env?.stop())

  test('pause, new verifier, unpause: new proofs verify, old ones are rejected, old records are kept', async () => {
    const [early, late] = [account(8), account(9)]
    const monitor = env.monitor({ gasBaseline: 100_000n })
    const proveWith = async (url: string, who: typeof early) => {
      const res = await requestProof(url, demoProofRequest({ subject: who.address, now: await env.chainNow() }).body)
      expect(res.status, JSON.stringify(res.json)).toBe(200)
      return { proof: res.json.proof, publicSignals: res.json.publicSignals as string[] }
    }

    // Before the incident: a subject proves client-side and is compliant.
    const v1 = await env.startProver()
    const earlyProof = await proveWith(v1.url, early)
    await submitProof(env.wallet(early), { address: env.deployment.proxy, proof: earlyProof, policyId: 1n })
    expect(await isCompliant(env, early.address)).toBe(true)
    const lateProofV1 = await proveWith(v1.url, late)
    await v1.close()

    // 1. Contain: pause. Every submission now reverts with a typed error.
    expect((await env.adminRun('pause', {}, { dryRun: true })).steps[0]!.simulation).toBe('ok')
    const paused = await env.adminRun('pause')
    expect(paused.stateAfter).toEqual({ paused: true })
    await expect(submitProof(env.wallet(late), { address: env.deployment.proxy, proof: lateProofV1, policyId: 1n })).rejects.toBeInstanceOf(ContractPausedError)
    // ... and close the gates: records made through the broken verifier stop letting anyone through at once.
    expect((await env.adminRun('close-gates')).stateAfter).toEqual({ gatesClosed: true })
    expect(await isCompliant(env, early.address)).toBe(false)

    // 2. Remediate: new trusted setup (phase 2) and Groth16Verifier v2; deploy it and switch (set-verifier).
    const v2 = await newCircuitVersion(env.dir)
    // "Start fresh": the switch voids every record of the earlier verifier generation in the same transaction.
    const dry = await env.adminRun(
      'set-verifier',
      { 'verifier-artifact': v2.verifierArtifactPath, vkey: v2.vkeyPath, 'void-earlier-records': 'true' },
      { dryRun: true },
    )
    // The call after the deployment is simulated too: the new verifier's code stands at its predicted address.
    expect(dry.steps.map((s) => s.simulation)).toEqual(['ok', 'ok'])
    const switched = await env.adminRun('set-verifier', { 'verifier-artifact': v2.verifierArtifactPath, vkey: v2.vkeyPath, 'void-earlier-records': 'true' })
    expect(switched.stateAfter).toEqual({
      verifier: switched.steps[0]!.deployedAddress,
      vkeyHash: hashVerificationKey(v2.vkey),
      verifierGeneration: 2,
      validFromGeneration: 2,
    })
    expect(switched.stateAfter!.vkeyHash).not.toBe(switched.stateBefore.vkeyHash)

    // Option B of the playbook too: a UUPS upgrade to a freshly deployed implementation keeps the storage.
    // proofx admin upgrade first validates the storage layout against the deployed release (@openzeppelin/upgrades-core).
    const upgraded = await env.adminRun('upgrade', {
      artifact: implementationArtifact,
      'build-info-dir': `${env.dir}/build-info`,
      reference: 'deployed-build-info:ProofXVerifier',
      'reference-build-info-dir': `${env.dir}/deployed-build-info`,
    })
    expect(upgraded.stateAfter!.implementation).toBe(upgraded.steps[0]!.deployedAddress)
    expect(upgraded.stateAfter!.implementation).not.toBe(upgraded.stateBefore.implementation)

    // 3. Restore: unpause and open the gates.
    expect((await env.adminRun('unpause')).stateAfter).toEqual({ paused: false })
    expect((await env.adminRun('open-gates')).stateAfter).toEqual({ gatesClosed: false })

    // A proof from the old keys is now rejected: the SDK refuses to send it ...
    await expect(submitProof(env.wallet(late), { address: env.deployment.proxy, proof: lateProofV1, policyId: 1n })).rejects.toBeInstanceOf(ProofRejectedError)
    // ... and if a client sends it anyway, the contract records a failure (ProofVerified(false)) and no compliance.
    const raw = await env.wallet(late).writeContract({
      address: env.deployment.proxy,
      abi: parseAbi([
        'struct P { uint256 issuerKeyHash; uint256 nullifier; uint256 timestamp; uint256[2] a; uint256[2][2] b; uint256[2] c; }',
        'function submitProof(uint256 policyId, address subject, P proof) returns (bool)',
      ]),
      functionName: 'submitProof',
      args: [1n, late.address, toProofXProof(lateProofV1)],
      gas: 1_000_000n,
    })
    expect((await env.publicClient.waitForTransactionReceipt({ hash: raw })).status).toBe('success')
    expect(await isCompliant(env, late.address)).toBe(false)

    // A proof from the new keys verifies; the record made through the broken verifier stays void.
    const v2Prover = await env.startProver({ keys: v2 })
    const lateProofV2 = await proveWith(v2Prover.url, late)
    const accepted = await submitProof(env.wallet(late), { address: env.deployment.proxy, proof: lateProofV2, policyId: 1n })
    expect(accepted.receipt.status).toBe('success')
    expect(await isCompliant(env, late.address)).toBe(true)
    expect(await isCompliant(env, early.address)).toBe(false)

    // The monitor classified the incident per the playbook table.
    const alerts = await monitor.catchUp()
    const kinds = alerts.filter((a) => a.severity !== 'info').map((a) => `${a.severity}:${a.kind}`)
    expect(kinds).toEqual(
      expect.arrayContaining([
        'high:ProtocolPaused',
        'medium:VerifierChanged',
        'medium:ImplementationUpgraded',
        'medium:ProofVerificationFailed',
        'medium:GasSpike',
      ]),
    )
    expect(alerts.find((a) => a.kind === 'ProofVerificationFailed')).toMatchObject({ transactionHash: raw, data: { signer: late.address, success: false } })
    // Every submission runs the pairing (> 100k gas): the two accepted ones and the rejected one all spike.
    expect(alerts.filter((a) => a.kind === 'GasSpike').map((a) => a.transactionHash)).toEqual([expect.any(String), raw, accepted.hash])
    expect(alerts.find((a) => a.event === 'Unpaused')?.severity).toBe('info')
    expect(readFileSync(env.alertsFile, 'utf8').trim().split('\n')).toHaveLength(alerts.length)
  })
})
