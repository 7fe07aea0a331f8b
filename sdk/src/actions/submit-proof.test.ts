import { createTestClient, http, keccak256, toHex, type Hex } from 'viem'
import { getBlock, getTransactionCount } from 'viem/actions'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { proofXVerifierAbi } from '../chain/abi.js'
import { toProofXProof } from '../chain/to-proofx-proof.js'
import { createProofX, type CreateProofXReturnType } from '../clients/create-proofx.js'
import { computeNullifier } from '../credentials/compute-nullifier.js'
import { computeScope } from '../credentials/compute-scope.js'
import { DEMO_POLICIES } from '../demo/demo-policies.js'
import type { SignedCredential } from '../credentials/types.js'
import {
  ContractNotPausedError,
  ContractPausedError,
  CredentialAlreadyRevokedError,
  CredentialRevokedError,
  InsufficientGasError,
  IssuerNotTrustedError,
  MissingRoleError,
  PolicyInactiveError,
  ProofFromFutureError,
  ProofPolicyMismatchError,
  ProofRejectedError,
  ProofScopeMismatchError,
  ProofSubjectMismatchError,
  ProofTooOldError,
  UnauthorizedRevokerError,
  UnauthorizedSubmitterError,
} from '../errors/contract.js'
import { VerificationKeyMismatchError } from '../errors/artifacts.js'
import type { ProveReturnType } from '../prover/types.js'
import type { Prover } from '../prover/create-prover.js'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { createTestProver, proveForTest } from '@proofx/test-helpers/prove-for-test'
import type { ProofVerifiedEvent } from './watch-proof-verified.js'
import { expectError } from '@proofx/test-helpers/expect-error'

// One anvil, one deployment, two real proofs (this verifier, and another verifier's scope); every scenario
// reuses them. Scenarios run in order: each leaves the chain as the next one expects.

let node: ProofXNode
let prover: Prover
let as: Record<keyof typeof localAccounts, CreateProofXReturnType>
let proof: ProveReturnType
let credential: SignedCredential
let otherScopeProof: ProveReturnType
let now: bigint
const events: ProofVerifiedEvent[] = []
let unwatch: () => void
const gasUsed: bigint[] = []

/** Creation code of a contract whose every call returns 32 zero bytes: a Groth16 verifier that rejects everything. */
const REJECT_ALL_BYTECODE: Hex = '0x69600060005260206000f3600052600a6016f3'
const accredited = DEMO_POLICIES.accredited.policyId
const { subject, relayer, stranger, otherSubject } = localAccounts

beforeAll(async () => {
  node = await startProofXNode()
  const client = (account: (typeof localAccounts)[keyof typeof localAccounts]) =>
    createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account, pollingInterval: 50 })
  as = Object.fromEntries(Object.entries(localAccounts).map(([name, account]) => [name, client(account)])) as typeof as
  now = (await getBlock(as.subject)).timestamp
  prover = createTestProver()
  const verifier = node.deployment.proxy
  ;({ result: proof, credential } = await proveForTest({
    prover,
    subject: subject.address,
    policy: DEMO_POLICIES.accredited,
    now,
    chainId: node.chainId,
    verifier,
  }))
  ;({ result: otherScopeProof } = await proveForTest({
    prover,
    subject: subject.address,
    policy: DEMO_POLICIES.accredited,
    now,
    chainId: node.chainId,
    verifier: '0x000000000000000000000000000000000000dEaD',
    credential,
  }))
  unwatch = as.stranger.watchProofVerified({ onEvents: (batch) => events.push(...batch), pollingInterval: 50 })
})

afterAll(async () => {
  unwatch?.()
  await prover?.dispose()
  await node?.stop()
  if (gasUsed.length) console.info(`submitProof gas used: ${gasUsed.join(', ')}`)
})

// A journey by design, not shuffled: one proof (made once, above) and one record walked through its life on one
// chain: submitted, relayed, watched, refused for each mismatch, paused, invalidated, deactivated, expired (the
// chain's clock moves forward) and revoked; later steps start from the record the earlier ones left.
describe('submitProof against a real anvil deployment', { shuffle: false }, () => {
  test('client-side: the subject submits its own proof and is compliant until timestamp + validity', async () => {
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: accredited })).toBe(false)
    expect((await as.subject.getComplianceStatus({ subject: subject.address, policyId: accredited })).reason).toBe('no-record')

    const submitted = await as.subject.submitProof({ proof })
    const policy = await as.subject.getPolicy({ policyId: accredited })
    expect(submitted.receipt.status).toBe('success')
    expect(submitted.subject).toBe(subject.address)
    expect(submitted.policyId).toBe(accredited)
    expect(submitted.validUntil).toBe(now + BigInt(policy.validityPeriod))
    gasUsed.push(submitted.receipt.gasUsed)

    expect(await as.stranger.isCompliant({ subject: subject.address, policyId: accredited })).toBe(true)
    const status = await as.stranger.getComplianceStatus({ subject: subject.address, policyId: accredited })
    expect(status).toMatchObject({ compliant: true, reason: 'compliant', validUntil: submitted.validUntil })
  })

  test('wrong sender: a stranger cannot submit for the subject (UnauthorizedSubmitterError)', async () => {
    const error = await expectError(as.stranger.submitProof({ proof }), UnauthorizedSubmitterError)
    expect(error.sender).toBe(stranger.address)
    expect(error.subject).toBe(subject.address)
    expect(error.shortMessage).toContain('only the subject or a SIGNER_ROLE account')
  })

  test("the node's gas estimate suffices; a limit below the pairing check's floor is refused (InsufficientGasError)", async () => {
    const error = await expectError(as.subject.submitProof({ proof, gas: 200_000n }), InsufficientGasError)
    expect(error.required).toBeGreaterThan(error.gasLeft)
    const estimate = await as.subject.estimateContractGas({
      address: node.deployment.proxy,
      abi: proofXVerifierAbi,
      functionName: 'submitProof',
      args: [accredited, subject.address, toProofXProof(proof)],
    })
    expect(estimate).toBeGreaterThan(error.required)
  })

  test("relayed: a SIGNER_ROLE account submits on the subject's behalf until its role is revoked", async () => {
    await as.admin.grantSigner({ signer: relayer.address })
    const submitted = await as.relayer.submitProof({ proof, subject: subject.address })
    gasUsed.push(submitted.receipt.gasUsed)
    expect(await as.relayer.isCompliant({ subject: subject.address, policyId: accredited })).toBe(true)

    await as.admin.revokeSigner({ signer: relayer.address })
    await expectError(as.relayer.submitProof({ proof }), UnauthorizedSubmitterError)
  })

  test('watchProofVerified saw both submissions with their senders', async () => {
    await expect.poll(() => events.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
    expect(events.map((e) => [e.subject, e.signer, e.policyId, e.success])).toEqual([
      [subject.address, subject.address, accredited, true],
      [subject.address, relayer.address, accredited, true],
    ])
    expect(events[0]!.nullifier).toBe(proof.signals.nullifier)
  })

  test('a proof submitted for another subject is refused before sending (ProofSubjectMismatchError, ProofRejectedError)', async () => {
    await expectError(as.otherSubject.submitProof({ proof, subject: otherSubject.address }), ProofSubjectMismatchError)
    // The bare struct carries no subject: the simulated pairing check fails and nothing is sent.
    const nonce = await getTransactionCount(as.otherSubject, { address: otherSubject.address })
    const error = await expectError(as.otherSubject.submitProof({ proof: toProofXProof(proof), policyId: accredited }), ProofRejectedError)
    expect(error.transactionHash).toBeUndefined()
    expect(await getTransactionCount(as.otherSubject, { address: otherSubject.address })).toBe(nonce)
  })

  test('a proof for another policy or another verifier names the mismatch', async () => {
    const policyError = await expectError(as.subject.submitProof({ proof, policyId: DEMO_POLICIES.retail.policyId }), ProofPolicyMismatchError)
    expect(policyError.policyId).toBe(DEMO_POLICIES.retail.policyId)
    const scopeError = await expectError(as.subject.submitProof({ proof: otherScopeProof }), ProofScopeMismatchError)
    // The contract's scope tag (read by the SDK from scope()) is the one computeScope gives for its proxy on this chain.
    expect(scopeError.scope).toBe(computeScope(node.chainId, node.deployment.proxy))
    expect(scopeError.proofScope).toBe(computeScope(node.chainId, '0x000000000000000000000000000000000000dEaD'))
  })

  test('after a circuit upgrade on-chain, an old proof names the verification-key mismatch (VerificationKeyMismatchError)', async () => {
    const { groth16Verifier, vkeyHash } = node.deployment
    // Stands in for the next circuit's verifier: it rejects every proof of the current one (code: return uint256(0)).
    const { contractAddress: nextVerifier } = await as.admin.waitForTransactionReceipt({
      hash: await as.admin.deployContract({ abi: [], bytecode: REJECT_ALL_BYTECODE, account: localAccounts.admin, chain: as.admin.chain }),
    })
    const nextVkeyHash = keccak256(toHex('next circuit'))
    await as.admin.setVerifier({ groth16Verifier: nextVerifier!, vkeyHash: nextVkeyHash, voidEarlierRecords: false })
    const error = await expectError(as.subject.submitProof({ proof }), VerificationKeyMismatchError)
    expect(error).toMatchObject({ expected: nextVkeyHash, actual: vkeyHash })
    await as.admin.setVerifier({ groth16Verifier, vkeyHash, voidEarlierRecords: false })
  })

  test('unknown policy (PolicyInactiveError) and a timestamp from the future (ProofFromFutureError)', async () => {
    const error = await expectError(as.subject.submitProof({ proof, policyId: 99n }), PolicyInactiveError)
    expect(error.policyId).toBe(99n)
    const future = { ...toProofXProof(proof), timestamp: now + 86_400n }
    await expectError(as.subject.submitProof({ proof: future, policyId: accredited }), ProofFromFutureError)
  })

  test('paused: submissions fail with ContractPausedError; only PAUSER_ROLE may pause', async () => {
    const roleError = await expectError(as.stranger.pause(), MissingRoleError)
    expect(roleError.roleName).toBe('PAUSER_ROLE')
    await as.admin.pause()
    const error = await expectError(as.subject.submitProof({ proof }), ContractPausedError)
    expect(error.message).toContain('paused')
    await as.admin.unpause()
    await expectError(as.admin.unpause(), ContractNotPausedError)
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: accredited })).toBe(true)
  })

  test('unknown issuer: removing the issuer invalidates the record; its proofs fail until it is trusted again', async () => {
    const issuerKeyHash = proof.signals.issuerKeyHash
    await as.admin.removeIssuer({ issuerKeyHash })
    expect(await as.subject.getComplianceStatus({ subject: subject.address, policyId: accredited })).toMatchObject({ compliant: false, reason: 'invalidated' })
    const error = await expectError(as.subject.submitProof({ proof }), IssuerNotTrustedError)
    expect(error.issuerKeyHash).toBe(issuerKeyHash)

    await as.admin.addIssuer({ issuerKeyHash, revoker: localAccounts.admin.address })
    // The re-added issuer has a new id: the old record stays void, a new submission counts.
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: accredited })).toBe(false)
    gasUsed.push((await as.subject.submitProof({ proof })).receipt.gasUsed)
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: accredited })).toBe(true)
  })

  test('a deactivated policy stops counting (reason policy-inactive) and refuses proofs until reactivated', async () => {
    const { policyHash, validityPeriod } = await as.admin.getPolicy({ policyId: accredited })
    await as.admin.setPolicy({ policyId: accredited, policyHash, validityPeriod, active: false })
    expect(await as.subject.getComplianceStatus({ subject: subject.address, policyId: accredited })).toMatchObject({
      compliant: false,
      reason: 'policy-inactive',
    })
    await expectError(as.subject.submitProof({ proof }), PolicyInactiveError)
    await as.admin.setPolicy({ policyId: accredited, policyHash, validityPeriod, active: true })
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: accredited })).toBe(true)
  })

  test('expired: after the validity period the record lapses and the old proof is too old (ProofTooOldError)', async () => {
    const { validUntil } = await as.subject.getComplianceStatus({ subject: subject.address, policyId: accredited })
    const testClient = createTestClient({ mode: 'anvil', transport: http(node.rpcUrl) })
    const latest = await getBlock(as.subject)
    await testClient.increaseTime({ seconds: Number(validUntil! - latest.timestamp) + 1 })
    await testClient.mine({ blocks: 1 })

    const status = await as.subject.getComplianceStatus({ subject: subject.address, policyId: accredited })
    expect(status).toMatchObject({ compliant: false, reason: 'expired', validUntil })
    expect(status.checkedAt).toBeGreaterThan(validUntil!)
    const error = await expectError(as.subject.submitProof({ proof }), ProofTooOldError)
    expect(error.timestamp).toBe(now)
  })

  test("revoked credential: the issuer's revoker revokes by nullifier; the proof then fails (CredentialRevokedError)", async () => {
    const issuerKeyHash = proof.signals.issuerKeyHash
    // The issuer computes the nullifier from what it signed; no proof needed.
    const nullifier = computeNullifier(credential.attributes, computeScope(node.chainId, node.deployment.proxy))
    expect(nullifier).toBe(proof.signals.nullifier)
    await expectError(as.stranger.revokeCredential({ issuerKeyHash, nullifier }), UnauthorizedRevokerError)
    await as.admin.revokeCredential({ issuerKeyHash, nullifier })
    await expectError(as.admin.revokeCredential({ issuerKeyHash, nullifier }), CredentialAlreadyRevokedError)
    const error = await expectError(as.subject.submitProof({ proof }), CredentialRevokedError)
    expect(error).toMatchObject({ issuerKeyHash, nullifier })
  })
})
