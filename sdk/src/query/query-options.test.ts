import { fileURLToPath } from 'node:url'
import { createConfig, http, mock, type Config } from 'wagmi'
import { connect, getPublicClient } from 'wagmi/actions'
import { defineChain } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { randomSalt } from '../credentials/random-salt.js'
import { signCredential } from '../credentials/sign-credential.js'
import { demoIssuer } from '../demo/demo-issuer.js'
import { DEMO_POLICIES } from '../demo/demo-policies.js'
import { createProver, type Prover } from '../prover/create-prover.js'
import { createProofXConfig } from '../config/create-proofx-config.js'
import { getComplianceStatusQueryOptions } from './getComplianceStatus.js'
import { getCredentialStatusQueryOptions } from './getCredentialStatus.js'
import { hashCredential } from '../credentials/hash-credential.js'
import { createProofX } from '../clients/create-proofx.js'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { proveMutationOptions } from './prove.js'
import { submitProofMutationOptions } from './submitProof.js'

const artifact = (name: string) => fileURLToPath(new URL(`../../../circuits/artifacts/${name}`, import.meta.url))
const subject = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

// The framework-free middle layer of the hooks, against a real anvil through a wagmi config whose wallet is
// anvil's own dev account (anvil signs eth_sendTransaction for it).
describe('query options (anvil)', () => {
  let node: ProofXNode
  let prover: Prover
  let wagmiConfig: Config

  beforeAll(async () => {
    node = await startProofXNode()
    const chain = defineChain({
      id: 31337,
      name: 'Anvil',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [node.rpcUrl] } },
    })
    wagmiConfig = createConfig({
      chains: [chain],
      connectors: [mock({ accounts: [subject] })],
      transports: { [chain.id]: http(node.rpcUrl) },
      pollingInterval: 100,
    })
    await connect(wagmiConfig, { connector: wagmiConfig.connectors[0]! })
    prover = createProver({
      artifacts: {
        wasm: artifact('compliance.wasm'),
        zkey: artifact('compliance.zkey'),
        vkey: artifact('verification_key.json'),
        manifest: artifact('manifest.json'),
      },
      expectedVkeyHash: node.deployment.vkeyHash,
    })
  })

  afterAll(async () => {
    await prover?.dispose()
    await node?.stop()
  })

  test('prove -> submit through the connected wallet -> status reads compliant until the record expires', async () => {
    const proofx = createProofXConfig({ prover, verifiers: { 31337: node.deployment.proxy } })
    const block = await getPublicClient(wagmiConfig)!.getBlock()
    const credential = signCredential(demoIssuer(), {
      subject,
      assets: 1_000_000n,
      liabilities: 100_000n,
      kycLevel: 2,
      riskScore: 20,
      jurisdiction: 276,
      issuedAt: block.timestamp - 60n,
      expiresAt: block.timestamp + 365n * 86_400n,
      salt: randomSalt(),
    })

    const before = await getComplianceStatusQueryOptions(wagmiConfig, proofx, { subject, policyId: 1n, chainId: 31337 }).queryFn()
    expect(before).toMatchObject({ compliant: false, reason: 'no-record' })

    const proof = await proveMutationOptions(proofx).mutationFn({ credential, policy: DEMO_POLICIES.accredited, subject, chainId: 31337, now: block.timestamp })
    const submitted = await submitProofMutationOptions(wagmiConfig, proofx).mutationFn({ policyId: 1n, proof })
    expect(submitted.hash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(submitted.receipt.status).toBe('success')

    const after = await getComplianceStatusQueryOptions(wagmiConfig, proofx, { subject, policyId: 1n, chainId: 31337 }).queryFn()
    expect(after).toMatchObject({ compliant: true, reason: 'compliant', validUntil: submitted.validUntil })
  })

  // The receipt is awaited at the wagmi config's polling pace (100 ms here), not the connector client's 4 s:
  // the demo's Submit button kept reading "Submitting…" for seconds after the record was on-chain.
  test("submit resolves soon after the transaction is mined, at the config's polling interval", async () => {
    const proofx = createProofXConfig({ prover, verifiers: { 31337: node.deployment.proxy } })
    const rpc = (method: string, params: unknown[] = []) =>
      fetch(node.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) })
    const block = await getPublicClient(wagmiConfig)!.getBlock()
    const credential = signCredential(demoIssuer(), {
      subject,
      assets: 1_000_000n,
      liabilities: 100_000n,
      kycLevel: 2,
      riskScore: 20,
      jurisdiction: 276,
      issuedAt: block.timestamp - 60n,
      expiresAt: block.timestamp + 365n * 86_400n,
      salt: randomSalt(),
    })
    const proof = await proveMutationOptions(proofx).mutationFn({ credential, policy: DEMO_POLICIES.retail, subject, chainId: 31337, now: block.timestamp })
    await rpc('evm_setAutomine', [false])
    try {
      let mined = 0
      const submitted = submitProofMutationOptions(wagmiConfig, proofx).mutationFn({
        policyId: 2n,
        proof,
        onSubmitted: () => void setTimeout(() => void rpc('evm_mine').then(() => (mined = performance.now())), 300),
      })
      const { receipt } = await submitted
      const latency = performance.now() - mined
      expect(receipt.status).toBe('success')
      expect(latency).toBeLessThan(1_500)
    } finally {
      await rpc('evm_setAutomine', [true])
    }
  })

  test('the query key is JSON-hashable and names subject, policy, verifier and chain', () => {
    const proofx = createProofXConfig({ prover, verifiers: { 31337: node.deployment.proxy } })
    const { queryKey } = getComplianceStatusQueryOptions(wagmiConfig, proofx, { subject, policyId: 2n, chainId: 31337 })
    expect(JSON.parse(JSON.stringify(queryKey))).toEqual(['proofx', 'complianceStatus', { subject, policyId: '2', chainId: 31337 }])
  })

  test('credential status: active, then revoked once the issuer revokes it; the key names hashes, never an attribute', async () => {
    const proofx = createProofXConfig({ prover, verifiers: { 31337: node.deployment.proxy } })
    const block = await getPublicClient(wagmiConfig)!.getBlock()
    const credential = signCredential(demoIssuer(), {
      subject,
      assets: 7_654_321n,
      liabilities: 1_234n,
      kycLevel: 2,
      riskScore: 20,
      jurisdiction: 276,
      issuedAt: block.timestamp - 60n,
      expiresAt: block.timestamp + 365n * 86_400n,
      salt: randomSalt(),
    })
    const options = getCredentialStatusQueryOptions(wagmiConfig, proofx, { credential, chainId: 31337 })
    const key = JSON.stringify(options.queryKey)
    expect(JSON.parse(key)).toEqual([
      'proofx',
      'credentialStatus',
      { issuerKeyHash: demoIssuer().keyHash.toString(), credentialHash: hashCredential(credential.attributes).toString(), chainId: 31337 },
    ])
    // Compared value by value: a 77-digit hash contains a short attribute's digits now and then (a flaky substring test).
    const keyValues = (JSON.parse(key) as unknown[]).flatMap((part) => (typeof part === 'object' && part ? Object.values(part) : [part])).map(String)
    for (const value of [credential.attributes.assets, credential.attributes.liabilities, credential.attributes.salt])
      expect(keyValues).not.toContain(value.toString())

    const before = await options.queryFn()
    expect(before).toMatchObject({ status: 'active', revoked: false, issuerTrusted: true })
    const admin = createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account: localAccounts.admin, pollingInterval: 50 })
    await admin.revokeCredential({ issuerKeyHash: before.issuerKeyHash, nullifier: before.nullifier })
    expect(await options.queryFn()).toMatchObject({ status: 'revoked', revoked: true, nullifier: before.nullifier })
  })
})
