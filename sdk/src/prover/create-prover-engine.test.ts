import { readFile } from 'node:fs/promises'
import * as snarkjs from 'snarkjs'
import { createPublicClient, http, type Hex, type PublicClient } from 'viem'
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts'
import { getBlock } from 'viem/actions'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { artifactPath, committedArtifacts } from '@proofx/test-helpers/committed-artifacts'
import { expectError } from '@proofx/test-helpers/expect-error'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { demoCredential } from '@proofx/test-helpers/prove-for-test'
import { NOW, POLICY, SUBJECT, signed } from '@proofx/test-helpers/sample-credential'
import { InvalidInputError } from '../errors/validation.js'
import { randomSalt } from '../credentials/random-salt.js'
import type { PolicyRules } from '../credentials/types.js'
import { groth16VerifierAbi } from '../chain/abi.js'
import { createProofX } from '../clients/create-proofx.js'
import { DEMO_POLICIES } from '../demo/demo-policies.js'
import { createProver, type ProveParameters, type Prover } from './create-prover.js'
import type { ProveReturnType } from './types.js'
import { terminateCurve, verifyProof } from './verify-proof.js'

// The ProofX engine through the SDK's prover (worker thread), checked by snarkjs and by the deployed
// Groth16Verifier and ProofXVerifier on a real anvil chain.
let node: ProofXNode
let prover: Prover
/** The committed fixture credential under its policy, scoped to the verifier deployed on this test's chain. */
let proveArgs: ProveParameters
beforeAll(async () => {
  node = await startProofXNode()
  proveArgs = { credential: signed(), policy: POLICY, subject: SUBJECT, now: NOW, chainId: node.chainId, verifier: node.deployment.proxy }
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
      expect(await groth16VerifierAccepts(client, result)).toBe(true)
      if (i === 0) {
        const proofx = createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account: subject, pollingInterval: 50 })
        const submitted = await proofx.submitProof({ proof: result })
        expect(submitted.receipt.status).toBe('success')
        expect(await proofx.isCompliant({ subject: subject.address, policyId: DEMO_POLICIES.accredited.policyId })).toBe(true)
      }
    }
  })

  test('the committed fixture credential and random valid credentials, under both demo policies: the on-chain Groth16Verifier accepts every engine proof', async () => {
    const client = createPublicClient({ transport: http(node.rpcUrl) })
    const cases: ProveParameters[] = [
      proveArgs,
      { ...proveArgs, policy: DEMO_POLICIES.retail },
      ...[DEMO_POLICIES.accredited, DEMO_POLICIES.retail, DEMO_POLICIES.accredited].map((policy) => ({ ...proveArgs, ...randomValidCase(policy) })),
    ]
    for (const args of cases) {
      const result = await prover.prove(args)
      expect(result.engine).toBe('proofx')
      expect(await groth16VerifierAccepts(client, result)).toBe(true)
    }
    // and a proof with one public signal changed is refused on-chain
    const result = await prover.prove(proveArgs)
    const tampered = [...result.publicSignals]
    tampered[1] = (BigInt(tampered[1]!) + 1n).toString()
    expect(await groth16VerifierAccepts(client, { proof: result.proof, publicSignals: tampered })).toBe(false)
  })

  // The default (2 threads in Node) is what the tests above use; one thread must make the same statement's proof.
  test('engineThreads: 1 proves a proof the on-chain Groth16Verifier accepts; any count but 1 or 2 is refused naming engineThreads', async () => {
    const client = createPublicClient({ transport: http(node.rpcUrl) })
    const single = createProver({ artifacts: committedArtifacts(), engine: 'proofx', engineThreads: 1 })
    try {
      const result = await single.prove(proveArgs)
      expect(result.engine).toBe('proofx')
      expect(await groth16VerifierAccepts(client, result)).toBe(true)
    } finally {
      await single.dispose()
    }
    for (const engineThreads of [0, 3, 1.5] as never[]) {
      const error = await expectError(
        Promise.resolve().then(() => createProver({ engineThreads })),
        InvalidInputError,
      )
      expect(error.field).toBe('engineThreads')
      expect(error.message).toContain('must be 1 or 2')
    }
  })
})

/** snarkjs's Solidity calldata of the proof, sent to the deployed Groth16Verifier. */
async function groth16VerifierAccepts(client: PublicClient, result: Pick<ProveReturnType, 'proof' | 'publicSignals'>): Promise<boolean> {
  const [a, b, c, signals] = JSON.parse(`[${await snarkjs.groth16.exportSolidityCallData(result.proof, [...result.publicSignals])}]`) as [
    Hex[],
    Hex[][],
    Hex[],
    Hex[],
  ]
  const args = [a.map(BigInt), b.map((row) => row.map(BigInt)), c.map(BigInt), signals.map(BigInt)] as never
  return client.readContract({ address: node.deployment.groth16Verifier, abi: groth16VerifierAbi, functionName: 'verifyProof', args })
}

const randomBelow = (n: number) => Math.floor(Math.random() * n)

/** A fresh subject and a credential whose every attribute is drawn at random within what `policy` allows. */
function randomValidCase(policy: PolicyRules) {
  const subject = privateKeyToAddress(generatePrivateKey())
  const liabilities = BigInt(randomBelow(1_000_000_000))
  const credential = signed({
    subject,
    liabilities,
    assets: liabilities + BigInt(policy.minNetCapital) + BigInt(randomBelow(1_000_000_000)),
    kycLevel: policy.minKycLevel + randomBelow(4 - policy.minKycLevel),
    riskScore: randomBelow(policy.maxRiskScore + 1),
    jurisdiction: policy.allowedJurisdictions[randomBelow(policy.allowedJurisdictions.length)]!,
    salt: randomSalt(),
  })
  return { credential, subject, now: NOW, policy }
}
