import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { createProofX, type CreateProofXReturnType } from '../clients/create-proofx.js'
import { DEMO_POLICY_DOCUMENTS } from '../demo/demo-policies.js'
import { PolicyDocumentFetchError, PolicyDocumentNotFoundError, PolicyHashMismatchError, PolicyValidityMismatchError } from '../errors/policy.js'
import { InvalidInputError } from '../errors/validation.js'
import { toPolicyDocumentJson } from '../policies/parse-policy-document.js'
import { expectError } from '@proofx/test-helpers/expect-error'
import { localAccounts } from '@proofx/test-helpers/local-accounts'

// Published policies against a real anvil deployment, documents served by a real HTTP server on loopback.

let node: ProofXNode
let proofx: CreateProofXReturnType
let admin: CreateProofXReturnType
let server: Server
let baseUrl: string
const served = new Map<string, string>()

beforeAll(async () => {
  node = await startProofXNode()
  proofx = createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account: localAccounts.stranger })
  admin = createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account: localAccounts.admin })
  server = createServer((req, res) => {
    const body = served.get(req.url ?? '')
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(body ?? '{"error":"not found"}')
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((closed) => server?.close(closed))
  await node?.stop()
})

describe('getPublishedPolicy', () => {
  test('a bundled document whose hash the contract registers gives the policy to prove with', async () => {
    expect(Object.keys(node.deployment.policyDocuments)).toEqual(['accredited', 'retail'])
    const published = await proofx.getPublishedPolicy({ name: 'accredited' })
    const onChain = await proofx.getPolicy({ policyId: 1n })
    expect(published.policy.hash).toBe(onChain.policyHash)
    expect(published).toMatchObject({ active: true, validityPeriod: onChain.validityPeriod, document: { name: 'accredited', id: 1n } })
    expect(published.policy.tree.size).toBe(DEMO_POLICY_DOCUMENTS.accredited.rules.allowedJurisdictions.length)
  })

  test('a document fetched from a URL is checked the same way', async () => {
    served.set('/policies/retail.json', JSON.stringify(toPolicyDocumentJson(node.deployment.policyDocuments.retail as never)))
    const published = await proofx.getPublishedPolicy({ document: { url: `${baseUrl}/policies/retail.json` } })
    expect(published.document.name).toBe('retail')
    expect(published.policy.hash).toBe((await proofx.getPolicy({ policyId: 2n })).policyHash)
  })

  test('a document with altered rules is refused before proving (PolicyHashMismatchError with both hashes)', async () => {
    const original = (await proofx.getPublishedPolicy({ name: 'accredited' })).policy.hash
    const altered = { ...DEMO_POLICY_DOCUMENTS.accredited, rules: { ...DEMO_POLICY_DOCUMENTS.accredited.rules, minKycLevel: 1 } }
    const error = await expectError(proofx.getPublishedPolicy({ document: altered }), PolicyHashMismatchError)
    expect(error).toMatchObject({ policyId: 1n, contractHash: original, field: 'policyDocument.hash' })
    expect(error.documentHash).not.toBe(original)
    expect(error.shortMessage).toBe(
      `The policy document "accredited" does not match policy 1 on the verifier ${node.deployment.proxy}; refusing to prove with it.`,
    )

    served.set('/policies/tampered.json', JSON.stringify(altered))
    const fetched = await expectError(proofx.getPublishedPolicy({ document: { url: `${baseUrl}/policies/tampered.json` } }), PolicyHashMismatchError)
    expect(fetched.source).toBe(`${baseUrl}/policies/tampered.json`)
    expect(fetched.details).toContain(`${baseUrl}/policies/tampered.json`)
  })

  test('a document for an id the contract does not register is refused', async () => {
    const unregistered = { ...DEMO_POLICY_DOCUMENTS.retail, id: '9', name: 'unregistered' }
    const error = await expectError(proofx.getPublishedPolicy({ document: unregistered }), PolicyHashMismatchError)
    expect(error).toMatchObject({ policyId: 9n, contractHash: 0n })
    expect(error.shortMessage).toMatch(/Policy 9 \("unregistered"\) is not registered/)
  })

  test('unknown names, missing or broken documents get their own typed errors', async () => {
    const missing = await expectError(proofx.getPublishedPolicy({ name: 'gold' }), PolicyDocumentNotFoundError)
    expect(missing.details).toBe('Published: accredited, retail.')
    const notFound = await expectError(proofx.getPublishedPolicy({ document: { url: `${baseUrl}/policies/none.json` } }), PolicyDocumentFetchError)
    expect(notFound.details).toBe('HTTP 404 Not Found')
    const unreachable = await expectError(proofx.getPublishedPolicy({ document: { url: 'http://127.0.0.1:1/x.json' } }), PolicyDocumentFetchError)
    expect(unreachable.source).toBe('http://127.0.0.1:1/x.json')
    const relative = await expectError(proofx.getPublishedPolicy({ document: { url: 'policies/retail.json' } }), PolicyDocumentFetchError)
    expect(relative.details).toMatch(/baseUrl/)
    served.set('/policies/bad.json', JSON.stringify({ ...DEMO_POLICY_DOCUMENTS.retail, rules: { ...DEMO_POLICY_DOCUMENTS.retail.rules, minKycLevel: -1 } }))
    const invalid = await expectError(proofx.getPublishedPolicy({ document: { url: `${baseUrl}/policies/bad.json` } }), InvalidInputError)
    expect(invalid.field).toBe('policyDocument.rules.minKycLevel')
  })

  test('a contract registering another validity period than the document is refused before proving (PolicyValidityMismatchError)', async () => {
    // Same hash (the document's, which commits 30 days) but 60 days on-chain: the contract would date a record the
    // proof does not vouch for. Restored afterwards.
    const { policyHash, validityPeriod } = await proofx.getPolicy({ policyId: 2n })
    await admin.setPolicy({ policyId: 2n, policyHash, validityPeriod: 2 * validityPeriod })
    try {
      const error = await expectError(proofx.getPublishedPolicy({ name: 'retail' }), PolicyValidityMismatchError)
      expect(error).toMatchObject({
        field: 'policyDocument.validityPeriod',
        policyId: 2n,
        documentValidityPeriod: validityPeriod,
        contractValidityPeriod: 2 * validityPeriod,
      })
      expect(error.details).toContain('rule: they must be equal')
    } finally {
      await admin.setPolicy({ policyId: 2n, policyHash, validityPeriod })
    }
    expect((await proofx.getPublishedPolicy({ name: 'retail' })).validityPeriod).toBe(validityPeriod)
  })

  test('a document stating another validity period hashes differently (circuit v2 commits it), so it is refused', async () => {
    const longer = { ...DEMO_POLICY_DOCUMENTS.accredited, validityPeriod: 60 * 86_400 }
    await expectError(proofx.getPublishedPolicy({ document: longer }), PolicyHashMismatchError)
  })
})
