import { readFile } from 'node:fs/promises'
import * as snarkjs from 'snarkjs'
import { createPublicClient, http, type Hex } from 'viem'
import { getBlock } from 'viem/actions'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startProofXNode, type ProofXNode } from '../../../test/helpers/anvil.js'
import { artifactPath, committedArtifacts } from '@proofx/test-helpers/committed-artifacts'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { demoCredential } from '@proofx/test-helpers/prove-for-test'
import { groth16VerifierAbi } from '../chain/abi.js'
import { createProofX } from '../clients/create-proofx.js'
import { DEMO_POLICIES } from '../demo/demo-policies.js'
import { createProver, type Prover } from './create-prover.js'
import { terminateCurve, verifyProof } from './verify-proof.js'

// The ProofX engine through the SDK's prover (worker thread), checked by snarkjs and by the deployed
// Groth16Verifier and ProofXVerifier on a real anvil chain.
let node: ProofXNode
let prover: Prover
beforeAll(async () => {
  node = await startProofXNode()
  prover = createProver({ artifacts: committedArtifacts(), engine: 'proofx' })
})
afterAll(async () => {
  await prover?.dispose()
  await node?.stop()
  await terminateCurve()
})

describe("createProver({ engine: 'proofx' })", () => {
  test('preloads with warm-up proofs, then proves fresh credentials that snarkjs and the on-chain Groth16Verifier accept', async () => {
    await prover.preload({ warmUpProofs: 1 })
    const vkey = JSON.parse(await readFile(artifactPath('verification_key.json'), 'utf8'))
    const client = createPublicClient({ transport: http(node.rpcUrl) })
    const now = (await getBlock(client)).timestamp
    const { subject } = localAccounts
    for (let i = 0; i < 2; i++) {
      const result = await prover.prove({
        credential: demoCredential(subject.address, now),
        policy: DEMO_POLICIES.accredited,
        subject: subject.address,
        now,
        chainId: node.chainId,
        verifier: node.deployment.proxy,
      })
      expect(await verifyProof(result, vkey)).toBe(true)
      // snarkjs's Solidity calldata of the engine's proof, sent to the deployed verifier
      const [a, b, c, signals] = JSON.parse(`[${await snarkjs.groth16.exportSolidityCallData(result.proof, [...result.publicSignals])}]`) as [
        Hex[],
        Hex[][],
        Hex[],
        Hex[],
      ]
      const args = [a.map(BigInt), b.map((row) => row.map(BigInt)), c.map(BigInt), signals.map(BigInt)] as never
      expect(await client.readContract({ address: node.deployment.groth16Verifier, abi: groth16VerifierAbi, functionName: 'verifyProof', args })).toBe(true)
      if (i === 0) {
        const proofx = createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account: subject, pollingInterval: 50 })
        const submitted = await proofx.submitProof({ proof: result })
        expect(submitted.receipt.status).toBe('success')
        expect(await proofx.isCompliant({ subject: subject.address, policyId: DEMO_POLICIES.accredited.policyId })).toBe(true)
      }
    }
  })
})
