import { keccak256, toHex, type Hex } from 'viem'
import { getBlock } from 'viem/actions'
import { createConfig, http, mock, type Config } from 'wagmi'
import { connect } from 'wagmi/actions'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { createProofX, type CreateProofXReturnType } from '../clients/create-proofx.js'
import { createProofXConfig } from '../config/create-proofx-config.js'
import { DEMO_POLICIES } from '../demo/demo-policies.js'
import { VerificationKeyNotAvailableError } from '../errors/artifacts.js'
import { createProver, type Prover } from '../prover/create-prover.js'
import { proveMutationOptions } from '../query/prove.js'
import { committedArtifacts } from '@proofx/test-helpers/committed-artifacts'
import { expectError } from '@proofx/test-helpers/expect-error'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { demoCredential } from '@proofx/test-helpers/prove-for-test'

/** Creation code of a contract whose every call returns 32 zero bytes: stands in for another circuit's verifier. */
const REJECT_ALL_BYTECODE: Hex = '0x69600060005260206000f3600052600a6016f3'
const { subject, admin } = localAccounts

// Where proving meets the contract: proveForVerifier (viem) and proveMutationOptions (wagmi) read the verifier's
// vkeyHash() before each proof and prove with the prover's artifact set of that key.
describe('proveForVerifier (anvil)', () => {
  let node: ProofXNode
  let prover: Prover
  let as: { subject: CreateProofXReturnType; admin: CreateProofXReturnType }
  let wagmiConfig: Config

  beforeAll(async () => {
    node = await startProofXNode()
    const client = (account: typeof subject) =>
      createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account, pollingInterval: 50 })
    as = { subject: client(subject), admin: client(admin) }
    // A catalog with the deployed circuit's set only: what a dApp that has not added the next version holds.
    prover = createProver({ artifacts: { sets: { [node.deployment.vkeyHash]: committedArtifacts() } } })
    wagmiConfig = createConfig({
      chains: [as.subject.chain],
      connectors: [mock({ accounts: [subject.address] })],
      transports: { [node.chainId]: http(node.rpcUrl) },
      pollingInterval: 50,
    })
    await connect(wagmiConfig, { connector: wagmiConfig.connectors[0]! })
  })

  afterAll(async () => {
    await prover?.dispose()
    await node?.stop()
  })

  test('proves with the set of the key the contract reports; the proof is accepted on-chain', async () => {
    const now = (await getBlock(as.subject)).timestamp
    const proof = await as.subject.proveForVerifier({ prover, credential: demoCredential(subject.address, now), policy: DEMO_POLICIES.accredited, now })
    expect(proof.vkeyHash).toBe(node.deployment.vkeyHash)
    const { receipt } = await as.subject.submitProof({ proof })
    expect(receipt.status).toBe('success')
    expect(await as.subject.isCompliant({ subject: subject.address, policyId: DEMO_POLICIES.accredited.policyId })).toBe(true)
  })

  test('the wagmi mutation reads the key too (no vkeyHash in the variables)', async () => {
    const now = (await getBlock(as.subject)).timestamp
    const config = createProofXConfig({ prover, verifiers: { [node.chainId]: node.deployment.proxy } })
    const proof = await proveMutationOptions(config, { wagmiConfig }).mutationFn({
      credential: demoCredential(subject.address, now),
      policy: DEMO_POLICIES.retail,
      subject: subject.address,
      chainId: node.chainId,
      now,
    })
    expect(proof.vkeyHash).toBe(node.deployment.vkeyHash)
  })

  test('after the verifier is switched to a key the prover has no set for: the typed error, before proving, no transaction', async () => {
    const { contractAddress: nextVerifier } = await as.admin.waitForTransactionReceipt({
      hash: await as.admin.deployContract({ abi: [], bytecode: REJECT_ALL_BYTECODE, account: admin, chain: as.admin.chain }),
    })
    const nextVkeyHash = keccak256(toHex('next circuit'))
    await as.admin.setVerifier({ groth16Verifier: nextVerifier!, vkeyHash: nextVkeyHash, voidEarlierRecords: false })
    try {
      const now = (await getBlock(as.subject)).timestamp
      const nonce = await as.subject.getTransactionCount({ address: subject.address })
      const stages: string[] = []
      const credential = demoCredential(subject.address, now)
      const error = await expectError(
        as.subject.proveForVerifier({ prover, credential, policy: DEMO_POLICIES.accredited, now, onProgress: (p) => stages.push(p.stage) }),
        VerificationKeyNotAvailableError,
      )
      expect(error).toMatchObject({ expected: nextVkeyHash, available: [node.deployment.vkeyHash] })
      const config = createProofXConfig({ prover, verifiers: { [node.chainId]: node.deployment.proxy } })
      await expectError(
        proveMutationOptions(config, { wagmiConfig }).mutationFn({
          credential,
          policy: DEMO_POLICIES.accredited,
          subject: subject.address,
          chainId: node.chainId,
          now,
        }),
        VerificationKeyNotAvailableError,
      )
      expect(stages).toEqual([])
      expect(await as.subject.getTransactionCount({ address: subject.address })).toBe(nonce)
    } finally {
      await as.admin.setVerifier({ groth16Verifier: node.deployment.groth16Verifier, vkeyHash: node.deployment.vkeyHash, voidEarlierRecords: false })
    }
  })
})
