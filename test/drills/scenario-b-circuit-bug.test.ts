// Playbook 3, Scenario B "Critical Bug in Circuit", against a real anvil: a deployment on circuit v1 is in use ->
// contain (pause, close the gates) -> remediate (Groth16Verifier_v2, set-verifier voiding the v1 records, the policies
// re-registered with their v2 hashes, a UUPS upgrade; or the switch carried by the upgrade) -> restore (unpause, open
// the gates). Holders follow with the SDK: a prover with both committed artifact sets re-proves with v2 unchanged; one
// with only v1 gets a typed error before proving. docs/operations.md, Scenario B, lists the same steps as commands.
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs'
import {
  BaseError,
  ContractFunctionRevertedError,
  encodeFunctionData,
  getAddress,
  parseAbi,
  parseEther,
  type Abi,
  type Address,
  type Hex,
  type LocalAccount,
} from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  ContractPausedError,
  createProver,
  ProofPolicyMismatchError,
  proveForVerifier,
  proofXVerifierAbi,
  submitProof,
  terminateCurve,
  toProofXProof,
  VerificationKeyMismatchError,
  VerificationKeyNotAvailableError,
  type Prover,
} from '@proofx/sdk'
import { DEMO_POLICIES, DEMO_POLICY_DOCUMENTS } from '@proofx/sdk/demo'
import { expectError } from '@proofx/test-helpers/expect-error'
import { demoCredential } from '@proofx/test-helpers/prove-for-test'
import { account, createDrillEnv, isCompliant, type DrillEnv } from './helpers/drill-env.js'
import { demoPolicyDocumentsFor, forgeArtifactPath, forgeOut } from './helpers/deploy-drill.js'
import { bothCircuitArtifactSets, circuitArtifacts, circuitVkeyHash } from './helpers/circuit-artifacts.js'

const policy = DEMO_POLICIES.accredited
const [V1, V2] = [circuitVkeyHash(1), circuitVkeyHash(2)]

describe('drill: Scenario B, critical bug in the circuit: upgrade v1 -> v2', () => {
  let env: DrillEnv
  let implementationArtifact: string
  let verifierV2Artifact: string
  let vault: { abi: Abi; bytecode: Hex }
  /** A dApp configured with both committed versions, and one that only ever had v1. */
  let bothVersions: Prover
  let v1Only: Prover
  beforeAll(async () => {
    env = await createDrillEnv({ circuitVersion: 1 })
    // Private copies: a concurrent `forge build` may rewrite out/ while the drill runs.
    implementationArtifact = `${env.dir}/ProofXVerifier.json`
    copyFileSync(forgeArtifactPath('ProofXVerifier'), implementationArtifact)
    verifierV2Artifact = `${env.dir}/Groth16Verifier_v2.json`
    copyFileSync(forgeArtifactPath('Groth16Verifier_v2'), verifierV2Artifact)
    const { abi, bytecode } = JSON.parse(readFileSync(forgeArtifactPath('ComplianceGatedVault'), 'utf8'))
    vault = { abi, bytecode: bytecode.object }
    // ... with its build info (the new release) and the deployed release's (here the same build), for the upgrade check.
    for (const dir of ['build-info', 'deployed-build-info'])
      cpSync(`${forgeOut()}/build-info`, `${env.dir}/${dir}`, {
        recursive: true,
      })
    bothVersions = createProver({
      artifacts: { sets: bothCircuitArtifactSets() },
    })
    v1Only = createProver({ artifacts: circuitArtifacts(1) })
  })
  afterAll(async () => {
    await bothVersions?.dispose()
    await v1Only?.dispose()
    await terminateCurve()
    await env?.stop()
  })

  // Five real proofs: allow for a loaded machine.
  test('v1 in use; pause and close the gates; v2 verifier with v1 records voided, v2 policy hashes, UUPS upgrade; reopen: holders re-prove with v2', {
    timeout: 900_000,
  }, async () => {
    const [early, late] = [account(8), account(9)]
    const proxy = env.deployment.proxy
    const monitor = env.monitor({ gasBaseline: 100_000n })
    const prove = (prover: Prover, who: LocalAccount, onStage?: (stage: string) => void) => proveAs(env, prover, who, onStage)
    const submit = (who: LocalAccount, proof: Parameters<typeof submitProof>[1]['proof']) => submitAs(env, who, proof)
    const { contractAddress } = await env.publicClient.waitForTransactionReceipt({
      hash: await env.wallet(env.admin).deployContract({
        abi: vault.abi,
        bytecode: vault.bytecode,
        args: [proxy, policy.policyId],
      }),
    })
    const vaultAddress = getAddress(contractAddress!)
    const deposit = (who: LocalAccount) =>
      env.publicClient.simulateContract({
        account: who,
        address: vaultAddress,
        abi: vault.abi,
        functionName: 'deposit',
        value: parseEther('1'),
      })
    const expectVaultRefuses = async (who: LocalAccount) => {
      const error = await deposit(who).then(
        () => undefined,
        (e: unknown) => e,
      )
      const reverted = error instanceof BaseError ? error.walk((e) => e instanceof ContractFunctionRevertedError) : undefined
      expect((reverted as ContractFunctionRevertedError | undefined)?.data).toMatchObject({
        errorName: 'ProofXGatedNotCompliant',
        args: [who.address, policy.policyId],
      })
    }

    // The deployment runs circuit v1: its verifier, key and v1 policy hashes (no validity period in them).
    expect(env.deployment.vkeyHash).toBe(V1)
    const v1Documents = demoPolicyDocumentsFor(1)
    expect(await policyHashOnChain(env, policy.policyId)).toBe(v1Documents.find((d) => d.id === policy.policyId)!.hash)

    // Before the incident: holders prove on their device with v1 and are compliant; the gated vault lets them in.
    const earlyV1 = await prove(bothVersions, early)
    expect(earlyV1.vkeyHash).toBe(V1)
    await submit(early, earlyV1)
    expect(await isCompliant(env, early.address)).toBe(true)
    await deposit(early)
    const lateV1 = await prove(v1Only, late)
    expect(lateV1.vkeyHash).toBe(V1)

    // 1. Contain: pause (every submission reverts with a typed error) ...
    expect((await env.adminRun('pause', {}, { dryRun: true })).steps[0]!.simulation).toBe('ok')
    expect((await env.adminRun('pause')).stateAfter).toEqual({
      paused: true,
    })
    await expect(submit(late, lateV1)).rejects.toBeInstanceOf(ContractPausedError)
    // ... and close the gates: records made through the broken verifier stop letting anyone through at once.
    expect((await env.adminRun('close-gates')).stateAfter).toEqual({
      gatesClosed: true,
    })
    expect(await isCompliant(env, early.address)).toBe(false)
    await expectVaultRefuses(early)

    // 2. Remediate: deploy Groth16Verifier_v2 and switch to it, voiding every v1 record in the same transaction ("start fresh").
    const setVerifier = {
      'verifier-artifact': verifierV2Artifact,
      vkey: circuitArtifacts(2).vkey,
      'void-earlier-records': 'true',
    }
    // The call after the deployment is simulated too: the new verifier's code stands at its predicted address.
    expect((await env.adminRun('set-verifier', setVerifier, { dryRun: true })).steps.map((s) => s.simulation)).toEqual(['ok', 'ok'])
    const switched = await env.adminRun('set-verifier', setVerifier)
    expect(switched.stateBefore).toMatchObject({
      vkeyHash: V1,
      verifierGeneration: 1,
      validFromGeneration: 0,
    })
    expect(switched.stateAfter).toEqual({
      verifier: switched.steps[0]!.deployedAddress,
      vkeyHash: V2,
      verifierGeneration: 2,
      validFromGeneration: 2,
    })
    // The v2 policy hash commits the validity period: the published documents are registered again (proofx admin set-policy).
    const policies = await registerV2Policies(env)
    for (const v2 of demoPolicyDocumentsFor(2)) {
      expect(policies.stateAfter![v2.name]).toEqual({
        policyId: v2.id.toString(),
        policyHash: v2.hash.toString(),
        validityPeriod: v2.validityPeriod,
        active: true,
      })
      expect(v2.hash).not.toBe(v1Documents.find((d) => d.name === v2.name)!.hash)
      expect(await policyHashOnChain(env, v2.id)).toBe(v2.hash)
    }

    // Option B of the playbook too: a UUPS upgrade to a freshly deployed implementation keeps the storage (the v2
    // verifier, its generation, the voiding, the policies, the closed gates). proofx admin upgrade first validates the
    // storage layout against the deployed release (@openzeppelin/upgrades-core).
    const upgraded = await env.adminRun('upgrade', {
      artifact: implementationArtifact,
      'build-info-dir': `${env.dir}/build-info`,
      reference: 'deployed-build-info:ProofXVerifier',
      'reference-build-info-dir': `${env.dir}/deployed-build-info`,
    })
    expect(upgraded.stateAfter!.implementation).toBe(upgraded.steps[0]!.deployedAddress)
    expect(upgraded.stateAfter!.implementation).not.toBe(upgraded.stateBefore.implementation)
    for (const [functionName, value] of [
      ['vkeyHash', V2],
      ['verifierGeneration', 2],
      ['validFromGeneration', 2],
      ['gatesClosed', true],
    ] as const)
      expect(await readProxy(env, functionName)).toBe(value)

    // 3. Restore: unpause and open the gates.
    expect((await env.adminRun('unpause')).stateAfter).toEqual({
      paused: false,
    })
    expect((await env.adminRun('open-gates')).stateAfter).toEqual({
      gatesClosed: false,
    })

    // The record made through the v1 verifier no longer counts: voided with its generation.
    expect(await isCompliant(env, early.address)).toBe(false)
    await expectVaultRefuses(early)
    // A v1 proof made before the switch: the SDK refuses to send it (typed errors, no transaction): it knows the key
    // the proof was made with ...
    const nonce = await env.publicClient.getTransactionCount({
      address: late.address,
    })
    expect(await expectError(submit(late, lateV1), VerificationKeyMismatchError)).toMatchObject({ expected: V2, actual: V1 })
    // ... and without that (a bare { proof, publicSignals }), that its policy hash is v1's, not the one now registered.
    const hashes = (version: 1 | 2) => demoPolicyDocumentsFor(version).find((d) => d.id === policy.policyId)!.hash
    expect(
      await expectError(
        submit(late, {
          proof: lateV1.proof,
          publicSignals: lateV1.publicSignals,
        }),
        ProofPolicyMismatchError,
      ),
    ).toMatchObject({
      policyId: policy.policyId,
      proofPolicyHash: hashes(1),
      policyHash: hashes(2),
    })
    // ... and the dApp with only v1 artifacts is told which key the contract wants before it proves anything.
    const stages: string[] = []
    const notAvailable = await expectError(
      prove(v1Only, late, (stage) => stages.push(stage)),
      VerificationKeyNotAvailableError,
    )
    expect(notAvailable).toMatchObject({ expected: V2, available: [V1] })
    expect(stages).not.toContain('proving')
    expect(await env.publicClient.getTransactionCount({ address: late.address })).toBe(nonce)
    // A client that bypasses the SDK and sends the v1 proof anyway: the contract records a failure (ProofVerified(false)).
    const raw = await env.wallet(late).writeContract({
      address: proxy,
      abi: parseAbi([
        'struct P { uint256 issuerKeyHash; uint256 nullifier; uint256 timestamp; uint256[2] a; uint256[2][2] b; uint256[2] c; }',
        'function submitProof(uint256 policyId, address subject, P proof) returns (bool)',
      ]),
      functionName: 'submitProof',
      args: [policy.policyId, late.address, toProofXProof(lateV1)],
      gas: 1_000_000n,
    })
    expect((await env.publicClient.waitForTransactionReceipt({ hash: raw })).status).toBe('success')
    expect(await isCompliant(env, late.address)).toBe(false)

    // Holders re-prove: the dApp with both sets follows the switch with the same code and proves with v2.
    const accepted: Hex[] = []
    for (const who of [late, early]) {
      const proof = await prove(bothVersions, who)
      expect(proof.vkeyHash).toBe(V2)
      const submitted = await submit(who, proof)
      expect(submitted.receipt.status).toBe('success')
      accepted.push(submitted.hash)
      expect(await isCompliant(env, who.address)).toBe(true)
    }
    await deposit(early)

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
    expect(alerts.find((a) => a.kind === 'ProofVerificationFailed')).toMatchObject({
      transactionHash: raw,
      data: { signer: late.address, success: false },
    })
    // Every submission runs the pairing (> 100k gas): the v1 one, the rejected one and the two v2 ones all spike.
    expect(alerts.filter((a) => a.kind === 'GasSpike').map((a) => a.transactionHash)).toEqual([expect.any(String), raw, ...accepted])
    expect(alerts.find((a) => a.event === 'Unpaused')?.severity).toBe('info')
    expect(readFileSync(env.alertsFile, 'utf8').trim().split('\n')).toHaveLength(alerts.length)
  })

  // Option B as one transaction: the UUPS upgrade carries the switch (upgradeToAndCall(impl, setVerifier(v2, vkeyHash, true))).
  test('v1 in use; the UUPS upgrade switches to v2 and voids the v1 records in the same transaction; holders re-prove with v2', {
    timeout: 900_000,
  }, async () => {
    const fresh = await createDrillEnv({ circuitVersion: 1 })
    try {
      const holder = account(7)
      const monitor = fresh.monitor()
      const v1 = await proveAs(fresh, bothVersions, holder)
      expect(v1.vkeyHash).toBe(V1)
      await submitAs(fresh, holder, v1)
      expect(await isCompliant(fresh, holder.address)).toBe(true)

      await fresh.adminRun('pause')
      await fresh.adminRun('close-gates')
      const { contractAddress } = await fresh.publicClient.waitForTransactionReceipt({
        hash: await fresh.wallet(fresh.admin).deployContract({ abi: [], bytecode: JSON.parse(readFileSync(verifierV2Artifact, 'utf8')).bytecode.object }),
      })
      const switchCall = encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'setVerifier', args: [getAddress(contractAddress!), V2, true] })
      const upgraded = await fresh.adminRun('upgrade', {
        artifact: implementationArtifact,
        'build-info-dir': `${env.dir}/build-info`,
        reference: 'deployed-build-info:ProofXVerifier',
        'reference-build-info-dir': `${env.dir}/deployed-build-info`,
        'call-data': switchCall,
      })
      expect(upgraded.stateAfter!.implementation).not.toBe(upgraded.stateBefore.implementation)
      for (const [functionName, value] of [
        ['vkeyHash', V2],
        ['verifierGeneration', 2],
        ['validFromGeneration', 2],
      ] as const)
        expect(await readProxy(fresh, functionName)).toBe(value)
      await registerV2Policies(fresh)
      await fresh.adminRun('unpause')
      await fresh.adminRun('open-gates')

      expect(await isCompliant(fresh, holder.address)).toBe(false)
      await expectError(proveAs(fresh, v1Only, holder), VerificationKeyNotAvailableError)
      const v2 = await proveAs(fresh, bothVersions, holder)
      expect(v2.vkeyHash).toBe(V2)
      expect((await submitAs(fresh, holder, v2)).receipt.status).toBe('success')
      expect(await isCompliant(fresh, holder.address)).toBe(true)

      // One transaction (the upgrade's call) both upgraded the implementation and switched the verifier.
      const alerts = await monitor.catchUp()
      const upgradeTx = upgraded.steps.at(-1)!.transactionHash
      expect(alerts.filter((a) => a.transactionHash === upgradeTx).map((a) => a.kind)).toEqual(
        expect.arrayContaining(['ImplementationUpgraded', 'VerifierChanged']),
      )
    } finally {
      await fresh.stop()
    }
  })
})

const readProxy = (env: DrillEnv, functionName: 'vkeyHash' | 'verifierGeneration' | 'validFromGeneration' | 'gatesClosed') =>
  env.publicClient.readContract({
    address: env.deployment.proxy,
    abi: proofXVerifierAbi,
    functionName,
  })

const policyHashOnChain = async (env: DrillEnv, policyId: bigint) =>
  (
    await env.publicClient.readContract({
      address: env.deployment.proxy as Address,
      abi: proofXVerifierAbi,
      functionName: 'getPolicy',
      args: [policyId],
    })
  ).policyHash

/** The dApp's code, the same for every circuit version: prove for the verifier as it is now ... */
async function proveAs(env: DrillEnv, prover: Prover, who: LocalAccount, onStage?: (stage: string) => void) {
  const now = await env.chainNow()
  return proveForVerifier(env.wallet(who), {
    address: env.deployment.proxy,
    prover,
    credential: demoCredential(who.address, now),
    policy,
    now,
    onProgress: (p) => onStage?.(p.stage),
  })
}

/** ... and submit. */
const submitAs = (env: DrillEnv, who: LocalAccount, proof: Parameters<typeof submitProof>[1]['proof']) =>
  submitProof(env.wallet(who), {
    address: env.deployment.proxy,
    proof,
    policyId: policy.policyId,
  })

/** Playbook B "Remediate" for the policies: the published documents registered again, hashed for v2 (proofx admin set-policy). */
async function registerV2Policies(env: DrillEnv) {
  const files = Object.entries(DEMO_POLICY_DOCUMENTS).map(([name, document]) => {
    writeFileSync(`${env.dir}/${name}.json`, JSON.stringify(document))
    return `${env.dir}/${name}.json`
  })
  return env.adminRun('set-policy', { policy: files.join(',') })
}
