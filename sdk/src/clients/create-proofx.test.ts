import { http } from 'viem'
import { sepolia } from 'viem/chains'
import { describe, expect, test } from 'vitest'
import { DeploymentNotFoundError, InvalidDeploymentError } from '../errors/deployment.js'
import { InvalidInputError } from '../errors/validation.js'
import { createProofX } from './create-proofx.js'

const deployment = {
  chainId: 31337,
  proxy: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
  implementation: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  groth16Verifier: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
  vkeyHash: '0xb672990af34a689a760d80a232852e5dc64bbaa8fbaf1770d0be945db20bd138',
  deployBlock: 3n,
  policies: { accredited: 1n },
  policyDocuments: {},
} as const

describe('createProofX', () => {
  test("binds the ProofX actions to the deployment's proxy on the chosen chain", () => {
    const proofx = createProofX({ chainId: 31337, deployment, transport: http('http://127.0.0.1:1') })
    expect(proofx.chain.id).toBe(31337)
    expect(proofx.deployment.proxy).toBe(deployment.proxy)
    for (const action of [
      'submitProof',
      'isCompliant',
      'getComplianceStatus',
      'watchProofVerified',
      'grantSigner',
      'pause',
      'upgrade',
      'readContract',
      'writeContract',
    ])
      expect(typeof (proofx as unknown as Record<string, unknown>)[action]).toBe('function')
  })

  test('finds no deployment on a public testnet yet, and says so', () => {
    expect(() => createProofX({ chainId: 11155111 })).toThrow(DeploymentNotFoundError)
    expect(() => createProofX({ chainId: 11155111 })).toThrow(/Ethereum Sepolia/)
  })

  test('refuses an unknown chain without its viem Chain, a chain mismatch and a deployment for another chain', () => {
    expect(() => createProofX({ chainId: 999, deployment })).toThrow(InvalidInputError)
    expect(() => createProofX({ chainId: 31337, chain: sepolia, deployment })).toThrow(/differs from chainId/)
    expect(() => createProofX({ chainId: 11155111, deployment })).toThrow(InvalidDeploymentError)
  })
})
