// A dApp across a circuit upgrade, on a real anvil with real proofs: its code proves with proveForVerifier and
// submits; the prover's artifact sets decide whether it keeps working when the verifier is switched.
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createProofX, createProver, terminateCurve, VerificationKeyNotAvailableError, type CreateProofXReturnType, type Prover } from '@proofx/sdk'
import { DEMO_POLICIES } from '@proofx/sdk/demo'
import { committedArtifacts } from '@proofx/test-helpers/committed-artifacts'
import { expectError } from '@proofx/test-helpers/expect-error'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { demoCredential } from '@proofx/test-helpers/prove-for-test'
import { publishArtifactSet, type PublishedTestSet } from '@proofx/test-helpers/rekeyed-artifact-set'
import { startProofXNode, type ProofXNode } from '../helpers/anvil.js'
import { newCircuitVersion } from '../drills/helpers/new-circuit-version.js'

const policy = DEMO_POLICIES.accredited
const { admin, subject } = localAccounts

let node: ProofXNode
let dir: string
let next: PublishedTestSet & { verifierBytecode: Hex }
let as: { admin: CreateProofXReturnType; subject: CreateProofXReturnType }
let bothVersions: Prover
let currentOnly: Prover

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
  node = await startProofXNode()
  const client = (account: typeof admin) =>
    createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account, pollingInterval: 50 })
  as = { admin: client(admin), subject: client(subject) }
  dir = await mkdtemp(join(tmpdir(), 'proofx-switch-'))
  // The next circuit version: new proving and verification keys and their Groth16 verifier contract.
  const version = await newCircuitVersion(dir)
  const set = await publishArtifactSet(join(dir, 'published'), { wasm: version.wasmPath, zkey: version.zkeyPath, vkey: version.vkeyPath }, '2')
  next = { ...set, verifierBytecode: JSON.parse(readFileSync(version.verifierArtifactPath, 'utf8')).bytecode.object }
  bothVersions = createProver({ artifacts: { sets: { [node.deployment.vkeyHash]: committedArtifacts(), [next.vkeyHash]: next.sources } } })
  // The single-set config: only the version deployed today.
  currentOnly = createProver({ artifacts: committedArtifacts() })
}, 300_000)

afterAll(async () => {
  await bothVersions?.dispose()
  await currentOnly?.dispose()
  await terminateCurve()
  await node?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the verifier is switched to the next circuit version', () => {
  test('before: both configs prove and submit under the deployed key', async () => {
    for (const prover of [bothVersions, currentOnly]) {
      const { proof, submitted } = await proveAndSubmit(prover)
      expect(proof.vkeyHash).toBe(node.deployment.vkeyHash)
      expect(submitted.receipt.status).toBe('success')
    }
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: policy.policyId })).toBe(true)
  })

  test('after setVerifier (earlier records voided): the same code proves and submits with the next set; a config without it gets the typed error before proving', async () => {
    const { contractAddress } = await as.admin.waitForTransactionReceipt({
      hash: await as.admin.deployContract({ abi: [], bytecode: next.verifierBytecode, account: admin, chain: as.admin.chain }),
    })
    await as.admin.setVerifier({ groth16Verifier: contractAddress!, vkeyHash: next.vkeyHash, voidEarlierRecords: true })
    expect(await as.subject.getVerificationKeyHash()).toBe(next.vkeyHash)
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: policy.policyId })).toBe(false)

    const { proof, submitted } = await proveAndSubmit(bothVersions)
    expect(proof.vkeyHash).toBe(next.vkeyHash)
    expect(submitted.receipt.status).toBe('success')
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: policy.policyId })).toBe(true)

    const nonce = await as.subject.getTransactionCount({ address: subject.address })
    const stages: string[] = []
    const error = await expectError(
      proveAndSubmit(currentOnly, (stage) => stages.push(stage)),
      VerificationKeyNotAvailableError,
    )
    expect(error).toMatchObject({ expected: next.vkeyHash, available: [node.deployment.vkeyHash] })
    expect(stages).not.toContain('proving')
    expect(await as.subject.getTransactionCount({ address: subject.address })).toBe(nonce)
  })
})
