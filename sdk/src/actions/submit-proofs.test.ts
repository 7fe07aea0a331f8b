import { createTestClient, http, type Address } from 'viem'
import { getBlock, getTransactionCount } from 'viem/actions'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { proofXVerifierAbi } from '../chain/abi.js'
import { toProofXProof } from '../chain/to-proofx-proof.js'
import { createProofX, type CreateProofXReturnType } from '../clients/create-proofx.js'
import { DEMO_POLICIES } from '../demo/demo-policies.js'
import {
  ContractPausedError,
  CredentialRevokedError,
  ProofRejectedError,
  ProofScopeMismatchError,
  ProofSubjectMismatchError,
  UnauthorizedSubmitterError,
} from '../errors/contract.js'
import { InvalidInputError } from '../errors/validation.js'
import type { Prover } from '../prover/create-prover.js'
import type { ProveReturnType } from '../prover/types.js'
import { expectError } from '@proofx/test-helpers/expect-error'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { createTestProver, proveForTest } from '@proofx/test-helpers/prove-for-test'

// One anvil, one deployment, real proofs for four subjects; scenarios run in order on the same chain.

let node: ProofXNode
let prover: Prover
let as: Record<keyof typeof localAccounts, CreateProofXReturnType>
const proofs: ProveReturnType[] = []
let otherScopeProof: ProveReturnType
const accredited = DEMO_POLICIES.accredited.policyId
const { relayer, stranger, subject, otherSubject, admin } = localAccounts
const subjects: Address[] = [subject.address, otherSubject.address, stranger.address, admin.address]

beforeAll(async () => {
  node = await startProofXNode()
  const client = (account: (typeof localAccounts)[keyof typeof localAccounts]) =>
    createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account, pollingInterval: 50 })
  as = Object.fromEntries(Object.entries(localAccounts).map(([name, account]) => [name, client(account)])) as typeof as
  await as.admin.grantSigner({ signer: relayer.address })
  const now = (await getBlock(as.admin)).timestamp
  prover = createTestProver()
  const verifier = node.deployment.proxy
  for (const who of subjects)
    proofs.push((await proveForTest({ prover, subject: who, policy: DEMO_POLICIES.accredited, now, chainId: node.chainId, verifier })).result)
  otherScopeProof = (
    await proveForTest({
      prover,
      subject: subject.address,
      policy: DEMO_POLICIES.accredited,
      now,
      chainId: node.chainId,
      verifier: '0x000000000000000000000000000000000000dEaD',
    })
  ).result
}, 240_000)

afterAll(async () => {
  await prover?.dispose()
  await node?.stop()
})

// A journey by design, not shuffled: four proofs made once (above) on one chain; the first batch records them,
// then later steps revoke some of those credentials to show how a batch reports the entries that fail.
describe('submitProofs against a real anvil deployment', { shuffle: false }, () => {
  test('the deployment installs the generated batch verifier', async () => {
    expect(node.deployment.groth16BatchVerifier).toBeDefined()
    const batchVerifier = await as.stranger.readContract({ address: node.deployment.proxy, abi: proofXVerifierAbi, functionName: 'batchVerifier' })
    expect(batchVerifier).toBe(node.deployment.groth16BatchVerifier)
  })

  test('a relayer records three subjects in one transaction, each until timestamp + validity', async () => {
    const { hash, receipt, results } = await as.relayer.submitProofs({ entries: proofs.slice(0, 3).map((proof) => ({ proof })) })
    expect(hash).toBeDefined()
    expect(receipt!.status).toBe('success')
    const { validityPeriod } = await as.stranger.getPolicy({ policyId: accredited })
    expect(results.map((r) => [r.subject, r.policyId, r.verified])).toEqual(subjects.slice(0, 3).map((s) => [s, accredited, true]))
    for (const [i, result] of results.entries()) {
      expect(result.validUntil).toBe(proofs[i]!.calldata.proof.timestamp + BigInt(validityPeriod))
      expect(result.nullifier).toBe(proofs[i]!.signals.nullifier)
      expect(await as.stranger.isCompliant({ subject: subjects[i]!, policyId: accredited })).toBe(true)
    }
    console.info(`submitProofs gas for 3 proofs: ${receipt!.gasUsed} (${receipt!.gasUsed / 3n} per proof)`)
  })

  test('entries that would fail are left out with the error submitProof gives; the rest is sent', async () => {
    await as.admin.revokeCredential({ issuerKeyHash: proofs[1]!.signals.issuerKeyHash, nullifier: proofs[1]!.signals.nullifier })
    const nonce = await getTransactionCount(as.relayer, { address: relayer.address })
    const { results, receipt } = await as.relayer.submitProofs({
      entries: [
        { proof: proofs[3]! }, // valid
        { proof: proofs[1]! }, // revoked
        { proof: otherScopeProof }, // made for another verifier
        { proof: proofs[2]!, subject: subject.address }, // made for someone else
        { proof: toProofXProof(proofs[2]!), policyId: accredited, subject: otherSubject.address }, // a bare struct for someone else: the pairing fails
      ],
    })
    expect(await getTransactionCount(as.relayer, { address: relayer.address })).toBe(nonce + 1)
    expect(results.map((r) => r.verified)).toEqual([true, false, false, false, false])
    expect(results[1]!.error).toBeInstanceOf(CredentialRevokedError)
    expect(results[2]!.error).toBeInstanceOf(ProofScopeMismatchError)
    expect(results[3]!.error).toBeInstanceOf(ProofSubjectMismatchError)
    expect(results[4]!.error).toBeInstanceOf(ProofRejectedError)
    expect((results[4]!.error as ProofRejectedError).transactionHash).toBeUndefined()
    // Only the valid entry went on-chain: one ProofVerified event.
    expect(receipt!.logs.length).toBe(1)
    expect(await as.stranger.isCompliant({ subject: admin.address, policyId: accredited })).toBe(true)
  })

  test('nothing is sent when no entry would be recorded', async () => {
    const nonce = await getTransactionCount(as.stranger, { address: stranger.address })
    const { hash, results } = await as.stranger.submitProofs({ entries: [{ proof: proofs[0]! }] })
    expect(hash).toBeUndefined()
    expect(results[0]!.error).toBeInstanceOf(UnauthorizedSubmitterError)
    expect(await getTransactionCount(as.stranger, { address: stranger.address })).toBe(nonce)
  })

  test('an entry that fails after the simulation is reported from the receipt and costs the others nothing', async () => {
    const testClient = createTestClient({ mode: 'anvil', transport: http(node.rpcUrl) })
    await testClient.setAutomine(false)
    try {
      const submitted = as.relayer.submitProofs({
        entries: [{ proof: proofs[0]! }, { proof: proofs[2]! }],
        // Sent, not mined: the issuer revokes the first credential first (a higher tip goes first in the block).
        onSubmitted: () => {
          void as.admin
            .writeContract({
              address: node.deployment.proxy,
              abi: proofXVerifierAbi,
              functionName: 'revokeCredential',
              args: [proofs[0]!.signals.issuerKeyHash, proofs[0]!.signals.nullifier],
              maxPriorityFeePerGas: 10n ** 10n,
              account: admin,
              chain: as.admin.chain,
            })
            .then(() => testClient.mine({ blocks: 1 }))
        },
      })
      const { results, hash } = await submitted
      expect(results[0]!.verified).toBe(false)
      expect(results[0]!.error).toBeInstanceOf(CredentialRevokedError)
      expect(results[1]!.verified).toBe(true)
      expect(hash).toBeDefined()
    } finally {
      await testClient.setAutomine(true)
    }
  })

  test('batch-wide problems throw: no entries, too many, paused', async () => {
    const empty = await expectError(as.relayer.submitProofs({ entries: [] }), InvalidInputError)
    expect(empty.field).toBe('entries')
    await expectError(as.relayer.submitProofs({ entries: Array.from({ length: 65 }, () => ({ proof: proofs[0]! })) }), InvalidInputError)
    const missingPolicy = await expectError(
      as.relayer.submitProofs({ entries: [{ proof: proofs[0]! }, { proof: toProofXProof(proofs[0]!) }] }),
      InvalidInputError,
    )
    expect(missingPolicy.field).toBe('entries[1].policyId')
    await as.admin.pause()
    await expectError(as.relayer.submitProofs({ entries: [{ proof: proofs[3]! }] }), ContractPausedError)
    await as.admin.unpause()
  })
})
