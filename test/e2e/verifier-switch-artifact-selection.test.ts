// A dApp across the real circuit upgrade v1 -> v2, on a real anvil with real proofs from the committed artifact sets
// (circuits/artifacts/v1 and circuits/artifacts): its code proves with proveForVerifier and submits; the prover's
// artifact sets decide whether it keeps working when the verifier is switched to Groth16Verifier_v2.
import { readFileSync } from 'node:fs'
import type { Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createProofX, createProver, terminateCurve, VerificationKeyNotAvailableError, type CreateProofXReturnType, type Prover } from '@proofx/sdk'
import { DEMO_POLICIES } from '@proofx/sdk/demo'
import { expectError } from '@proofx/test-helpers/expect-error'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { demoCredential } from '@proofx/test-helpers/prove-for-test'
import { createDrillEnv, type DrillEnv } from '../drills/helpers/drill-env.js'
import { bothCircuitArtifactSets, circuitArtifacts, circuitVkeyHash } from '../drills/helpers/circuit-artifacts.js'
import { demoPolicyDocumentsFor, forgeArtifactPath } from '../drills/helpers/deploy-drill.js'

const policy = DEMO_POLICIES.accredited
const { admin, subject } = localAccounts
const [V1, V2] = [circuitVkeyHash(1), circuitVkeyHash(2)]

let env: DrillEnv
let verifierV2Bytecode: Hex
let as: { admin: CreateProofXReturnType; subject: CreateProofXReturnType }
/** Configured with both committed versions, keyed by vkeyHash. */
let bothVersions: Prover
/** Configured with circuit v1 only: the version deployed today. */
let v1Only: Prover

/** The dApp's code: the same for every circuit version. */
async function proveAndSubmit(prover: Prover, onStage?: (stage: string) => void) {
  const now = (await as.subject.getBlock()).timestamp
  const proof = await as.subject.proveForVerifier({
    prover,
    credential: demoCredential(subject.address, now),
    policy,
    now,
    onProgress: (p) => onStage?.(p.stage),
  })
  const submitted = await as.subject.submitProof({ proof })
  return { proof, submitted }
}

beforeAll(async () => {
  env = await createDrillEnv({ circuitVersion: 1 })
  // Read once, up front: a concurrent `forge build` may rewrite out/ while the test runs.
  verifierV2Bytecode = JSON.parse(readFileSync(forgeArtifactPath('Groth16Verifier_v2'), 'utf8')).bytecode.object
  const client = (account: typeof admin) =>
    createProofX({ chainId: env.anvil.chainId, deployment: env.deployment, rpcUrl: env.anvil.rpcUrl, account, pollingInterval: 50 })
  as = { admin: client(admin), subject: client(subject) }
  bothVersions = createProver({ artifacts: { sets: bothCircuitArtifactSets() } })
  v1Only = createProver({ artifacts: circuitArtifacts(1) })
}, 300_000)

afterAll(async () => {
  await bothVersions?.dispose()
  await v1Only?.dispose()
  await terminateCurve()
  await env?.stop()
})

// Before and after one switch on one chain, in order (shuffle: false): the second test makes the switch the first
// one's proofs predate.
describe('the verifier is switched from circuit v1 to circuit v2', { shuffle: false }, () => {
  test('before: both configs prove and submit with v1, the deployed key', async () => {
    expect(env.deployment.vkeyHash).toBe(V1)
    for (const prover of [bothVersions, v1Only]) {
      const { proof, submitted } = await proveAndSubmit(prover)
      expect(proof.vkeyHash).toBe(V1)
      expect(submitted.receipt.status).toBe('success')
    }
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: policy.policyId })).toBe(true)
  })

  test('after setVerifier to Groth16Verifier_v2 (v1 records voided, v2 policy hashes registered): the same code proves with v2; a v1-only config gets the typed error before proving', async () => {
    const { contractAddress } = await as.admin.waitForTransactionReceipt({
      hash: await as.admin.deployContract({ abi: [], bytecode: verifierV2Bytecode, account: admin, chain: as.admin.chain }),
    })
    await as.admin.setVerifier({ groth16Verifier: contractAddress!, vkeyHash: V2, voidEarlierRecords: true })
    expect(await as.subject.getVerificationKeyHash()).toBe(V2)
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: policy.policyId })).toBe(false)
    // The v2 policy hash commits the validity period: the published documents are registered again, as in the drill.
    for (const document of demoPolicyDocumentsFor(2))
      await as.admin.setPolicy({ policyId: document.id, policyHash: document.hash, validityPeriod: document.validityPeriod })

    const { proof, submitted } = await proveAndSubmit(bothVersions)
    expect(proof.vkeyHash).toBe(V2)
    expect(submitted.receipt.status).toBe('success')
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: policy.policyId })).toBe(true)

    const nonce = await as.subject.getTransactionCount({ address: subject.address })
    const stages: string[] = []
    const error = await expectError(
      proveAndSubmit(v1Only, (stage) => stages.push(stage)),
      VerificationKeyNotAvailableError,
    )
    expect(error).toMatchObject({ expected: V2, available: [V1] })
    expect(error.message).toContain(V2)
    expect(stages).not.toContain('proving')
    expect(await as.subject.getTransactionCount({ address: subject.address })).toBe(nonce)
  })
})
