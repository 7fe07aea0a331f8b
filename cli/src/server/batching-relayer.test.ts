import type { FastifyInstance } from 'fastify'
import { createPublicClient, createWalletClient, defineChain, http, type Address } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { computeNullifier, computeScope, InvalidInputError, proofXVerifierAbi } from '@proofx/sdk'
import { demoIssuer } from '@proofx/sdk/demo'
import { expectError } from '@proofx/test-helpers/expect-error'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { createBatchingRelayer } from './batching-relayer.js'
import { createProverServer } from './create-prover-server.js'
import { demoProofRequest } from '@proofx/test-helpers/demo-proof-request'
import { committedArtifacts } from '@proofx/test-helpers/committed-artifacts'
import { createSdkProverBackend } from './sdk-prover-backend.js'
import { waitUntil } from '@proofx/test-helpers/wait-until'

// The prover service in relay mode on loopback, against a real anvil deployment: relay requests are gathered
// into submitProofs batches (by size or by wait time), and one bad entry costs only its own request.

const subjects: Address[] = [localAccounts.subject.address, localAccounts.otherSubject.address, localAccounts.stranger.address]
let node: ProofXNode

beforeAll(async () => {
  node = await startProofXNode()
  const chain = defineChain({
    id: node.chainId,
    name: 'anvil',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [node.rpcUrl] } },
  })
  const admin = createWalletClient({ account: localAccounts.admin, chain, transport: http(node.rpcUrl) })
  const publicClient = createPublicClient({ chain, transport: http(node.rpcUrl) })
  const signerRole = await publicClient.readContract({ address: node.deployment.proxy, abi: proofXVerifierAbi, functionName: 'SIGNER_ROLE' })
  await publicClient.waitForTransactionReceipt({
    hash: await admin.writeContract({
      address: node.deployment.proxy,
      abi: proofXVerifierAbi,
      functionName: 'grantRole',
      args: [signerRole, localAccounts.relayer.address],
    }),
  })
}, 300_000)

afterAll(() => node?.stop())

/** A `proofx serve` on 127.0.0.1 relaying with the relayer account in batches. */
async function startServer(batching: { maxBatchSize: number; maxWaitMs: number }) {
  const chain = defineChain({
    id: node.chainId,
    name: 'anvil',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [node.rpcUrl] } },
  })
  const walletClient = createWalletClient({ account: localAccounts.relayer, chain, transport: http(node.rpcUrl), pollingInterval: 50 })
  const publicClient = createPublicClient({ chain, transport: http(node.rpcUrl) })
  const app: FastifyInstance = await createProverServer({
    backend: createSdkProverBackend({ artifacts: committedArtifacts(), size: 2 }),
    chainId: node.chainId,
    verifier: node.deployment.proxy,
    relayer: createBatchingRelayer({ walletClient, contract: node.deployment.proxy, ...batching }),
    now: async () => (await publicClient.getBlock()).timestamp,
    maxQueue: 8,
    requestTimeoutMs: 120_000,
    logger: false,
  })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  await waitUntil(async () => (await fetch(`${url}/readyz`)).ok, { what: 'the prover to be ready' })
  const now = (await publicClient.getBlock()).timestamp
  const relay = (subject: Address, salt?: bigint) => {
    const { body, attributes } = demoProofRequest({ subject, now, relay: true, attributes: salt === undefined ? {} : { salt } })
    return {
      attributes,
      response: fetch(`${url}/v1/proofs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        json: await r.json(),
      })),
    }
  }
  const metricsText = async () => (await fetch(`${url}/metrics`)).text()
  const metric = async (name: string) => {
    const text = await metricsText()
    const line = text.split('\n').find((l) => l.startsWith(`${name} `))
    return line === undefined ? undefined : Number(line.split(' ')[1])
  }
  const compliant = (subject: Address) =>
    publicClient.readContract({ address: node.deployment.proxy, abi: proofXVerifierAbi, functionName: 'isCompliant', args: [subject, 1n] })
  return { app, relay, metric, metricsText, compliant, publicClient }
}

describe('proofx serve in relay mode with batches', () => {
  test('relay requests are sent together once maxBatchSize are pending; metrics count the batch and its gas', async () => {
    const server = await startServer({ maxBatchSize: 3, maxWaitMs: 60_000 })
    try {
      const responses = await Promise.all(subjects.map((s) => server.relay(s).response))
      for (const { status, json } of responses) expect(status, JSON.stringify(json)).toBe(200)
      const hashes = new Set(responses.map(({ json }) => json.relay.transactionHash))
      expect(hashes.size).toBe(1)
      expect(responses.map(({ json }) => json.relay.batchSize)).toEqual([3, 3, 3])
      expect(responses[0]!.json.relay.signer).toBe(localAccounts.relayer.address)
      for (const subject of subjects) expect(await server.compliant(subject)).toBe(true)

      expect(await server.metric('proofx_relay_batch_size_count')).toBe(1)
      expect(await server.metric('proofx_relay_batch_size_sum')).toBe(3)
      const gas = await server.metric('proofx_relay_batch_gas_used_sum')
      expect(gas).toBe(Number(responses[0]!.json.relay.gasUsed))
      expect(await server.metric('proofx_relay_gas_per_proof_sum')).toBeCloseTo(gas! / 3)
      expect(await server.metric('proofx_relay_pending')).toBe(0)
      expect(await server.metricsText()).toContain('proofx_relay_transactions_total{outcome="verified"} 3')
    } finally {
      await server.app.close()
    }
  }, 240_000)

  test('a lone request goes out after maxWaitMs; a revoked credential in the batch fails alone', async () => {
    const server = await startServer({ maxBatchSize: 8, maxWaitMs: 4000 })
    try {
      // Alone and far below maxBatchSize: only the wait can send it.
      const lone = await server.relay(subjects[0]!).response
      expect(lone.status, JSON.stringify(lone.json)).toBe(200)
      expect(lone.json.relay.batchSize).toBe(1)

      // Revoke the third subject's credential before it is relayed: its request fails, the other two are recorded.
      const salt = 0x5a17n
      const scope = computeScope(node.chainId, node.deployment.proxy)
      const requests = subjects.map((s, i) => server.relay(s, i === 2 ? salt : undefined))
      const nullifier = computeNullifier(requests[2]!.attributes, scope)
      const admin = createWalletClient({ account: localAccounts.admin, chain: server.publicClient.chain, transport: http(node.rpcUrl) })
      await server.publicClient.waitForTransactionReceipt({
        hash: await admin.writeContract({
          address: node.deployment.proxy,
          abi: proofXVerifierAbi,
          functionName: 'revokeCredential',
          args: [demoIssuer().keyHash, nullifier],
        }),
      })
      const responses = await Promise.all(requests.map((r) => r.response))
      expect(responses.map((r) => r.status)).toEqual([200, 200, 502])
      expect(responses[2]!.json.error).toBe('CredentialRevokedError')
      // The revoked one was left out of the transaction before any gas was spent on it.
      expect(responses[0]!.json.relay.transactionHash).toBe(responses[1]!.json.relay.transactionHash)
      expect(responses[0]!.json.relay.batchSize).toBe(2)
      expect(await server.metric('proofx_relay_batch_size_count')).toBe(2)
      expect(await server.metric('proofx_relay_batch_size_sum')).toBe(3)
    } finally {
      await server.app.close()
    }
  }, 240_000)

  test("batch options are validated: at most the contract's 64 entries, a bounded wait", async () => {
    const walletClient = createWalletClient({ account: localAccounts.relayer, transport: http(node.rpcUrl) })
    const tooBig = await expectError(
      Promise.resolve().then(() => createBatchingRelayer({ walletClient, contract: node.deployment.proxy, maxBatchSize: 65 })),
      InvalidInputError,
    )
    expect(tooBig.field).toBe('maxBatchSize')
    const negative = await expectError(
      Promise.resolve().then(() => createBatchingRelayer({ walletClient, contract: node.deployment.proxy, maxWaitMs: -1 })),
      InvalidInputError,
    )
    expect(negative.field).toBe('maxWaitMs')
  })
})
