import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import SwaggerParser from '@apidevtools/swagger-parser'
import type { FastifyInstance } from 'fastify'
import { createWalletClient, http } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  createIssuerKey,
  createProofX,
  deserializeCredential,
  getCredentialStatus,
  parseCredentialInput,
  readCredentialLink,
  type CreateProofXReturnType,
} from '@proofx/sdk'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { openSqliteLedger } from '../issuer/sqlite-ledger.js'
import { issuanceRecordToJson, type IssuanceLedger } from '../issuer/issuance-ledger.js'
import { hashApiKey } from '../server/api-keys.js'
import { createIssuanceServer } from './create-issuance-server.js'

// The issuance service on loopback over a real SQLite ledger, revoking on a real anvil deployment.

const API_KEY = 'back-office-key-7f3a9c'
const issuerKey = createIssuerKey()
// Distinctive values, so finding one in a log line cannot be a coincidence.
const attributes = { subject: localAccounts.subject.address, assets: '7348912650017', liabilities: '193847562', kycLevel: 3, riskScore: 17, jurisdiction: 276 }
const logLines: string[] = []
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(...String(chunk).split('\n').filter(Boolean))
    done()
  },
})

let node: ProofXNode
let ledger: IssuanceLedger
let app: FastifyInstance
let base: string
let admin: CreateProofXReturnType
const issuedSecrets: string[] = []

const call = (path: string, init: RequestInit & { key?: string | null } = {}) => {
  const { key = API_KEY, ...rest } = init
  return fetch(`${base}${path}`, {
    ...rest,
    headers: {
      ...(rest.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(rest.headers ?? {}),
    },
  })
}
const issue = (body: unknown, query = '') => call(`/v1/credentials${query}`, { method: 'POST', body: JSON.stringify(body) })

beforeAll(async () => {
  node = await startProofXNode()
  admin = createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account: localAccounts.admin, pollingInterval: 50 })
  await admin.addIssuer({ issuerKeyHash: issuerKey.keyHash, revoker: localAccounts.relayer.address })
  ledger = openSqliteLedger(join(mkdtempSync(join(tmpdir(), 'proofx-issuance-')), 'ledger.sqlite'))
  const revoker = createWalletClient({ account: localAccounts.relayer, chain: admin.chain, transport: http(node.rpcUrl) })
  app = await createIssuanceServer({
    ledger,
    issuerKey,
    apiKeySha256: [hashApiKey(API_KEY)],
    holderPageUrl: 'https://wallet.example/holder',
    revocation: { deployment: node.deployment, client: revoker, pollingInterval: 50 },
    rateLimit: { max: 40, timeWindowMs: 60_000 },
    logger: { stream: logStream },
  })
  base = await app.listen({ host: '127.0.0.1', port: 0 })
})

afterAll(async () => {
  await app?.close()
  ledger?.close()
  await node?.stop()
})

// A journey by design, not shuffled: one service and ledger; the metrics, log and rate-limit steps check what the
// issue and revoke steps before them did (the counters they moved, the lines they logged, the budget they spent).
describe('issuance service (loopback, SQLite ledger, anvil)', { shuffle: false }, () => {
  test('every /v1 route needs a known API key (Bearer or X-API-Key); health, metrics and the OpenAPI document do not', async () => {
    for (const key of [null, 'wrong-key']) {
      const response = await call('/v1/credentials', { key })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
      expect(await response.json()).toMatchObject({ error: 'UnauthorizedError' })
    }
    expect((await issue(attributes)).status).toBe(201)
    expect((await fetch(`${base}/v1/credentials`, { headers: { 'x-api-key': API_KEY } })).status).toBe(200)
    expect((await fetch(`${base}/healthz`)).status).toBe(200)
    expect((await fetch(`${base}/metrics`)).status).toBe(200)
    expect((await fetch(`${base}/openapi.json`)).status).toBe(200)
  })

  test('issue: a signed credential the holder accepts, its link and QR code; the ledger keeps hashes and validity, no attribute', async () => {
    const response = await issue(attributes, '?qr=svg')
    expect(response.status).toBe(201)
    const body = await response.json()
    const credential = parseCredentialInput(body.credential)
    issuedSecrets.push(credential.attributes.salt.toString(), credential.signature.S.toString(), new URL(body.link).hash.slice(20, 80))
    expect(credential.attributes).toMatchObject({ subject: attributes.subject, assets: 7_348_912_650_017n, kycLevel: 3 })
    expect(deserializeCredential(JSON.stringify(readCredentialLink(body.link)))).toEqual(credential)
    expect(new URL(body.link).origin + new URL(body.link).pathname).toBe('https://wallet.example/holder')
    expect(body.qrCode.format).toBe('svg')
    expect(body.qrCode.data).toMatch(/^<svg /)
    expect(body.record).toMatchObject({ id: body.id, subject: attributes.subject, status: 'issued', expired: false, revocations: [] })
    expect(body.record).not.toHaveProperty('attributesKept')

    const status = await (await call(`/v1/credentials/${body.id}`)).json()
    expect(status).toEqual(body.record)
    const listed = await (await call('/v1/credentials?status=issued&limit=10')).json()
    expect(listed.credentials.map((c: { id: string }) => c.id)).toContain(body.id)
    expect(JSON.stringify(issuanceRecordToJson(ledger.get(body.id)!))).not.toContain('7348912650017')
  })

  test("bad attributes get the prover's typed errors naming the field; nothing is recorded", async () => {
    const before = ledger.list().length
    const outOfRange = await issue({ ...attributes, kycLevel: 300 })
    expect(outOfRange.status).toBe(400)
    expect(await outOfRange.json()).toMatchObject({ error: 'OutOfRangeError', field: 'attributes.kycLevel' })
    const badAddress = await issue({ ...attributes, subject: '0x1234' })
    expect(await badAddress.json()).toMatchObject({ error: 'InvalidInputError', field: 'attributes.subject' })
    const missing = await issue({ ...attributes, assets: undefined })
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ error: 'InvalidInputError', field: 'attributes.assets', rule: 'is required' })
    const salted = await issue({ ...attributes, salt: '1' })
    expect(await salted.json()).toMatchObject({ error: 'InvalidInputError', field: 'attributes.salt' })
    const expired = await issue({ ...attributes, issuedAt: 1_000, expiresAt: 2_000 })
    expect(await expired.json()).toMatchObject({ error: 'InvalidInputError', field: 'attributes.expiresAt' })
    expect(ledger.list().length).toBe(before)
  })

  test("revoke: the revoker sends revokeCredential for the deployment's nullifier; again is a no-op; unknown ids are 404", async () => {
    const { id, credential } = await (await issue(attributes)).json()
    const revoked = await call(`/v1/credentials/${id}/revoke`, { method: 'POST' })
    expect(revoked.status).toBe(200)
    const result = await revoked.json()
    expect(result).toMatchObject({ alreadyRevoked: false, chainId: node.chainId, contract: node.deployment.proxy, record: { id, status: 'revoked' } })
    expect(result.transactionHash).toMatch(/^0x[0-9a-f]{64}$/)
    const onChain = await getCredentialStatus(admin, { address: node.deployment.proxy, credential: deserializeCredential(JSON.stringify(credential)) })
    expect(onChain).toMatchObject({ status: 'revoked', nullifier: BigInt(result.nullifier) })
    expect((await (await call(`/v1/credentials/${id}`)).json()).status).toBe('revoked')

    expect(await (await call(`/v1/credentials/${id}/revoke`, { method: 'POST' })).json()).toMatchObject({ alreadyRevoked: true, transactionHash: null })
    const unknown = await call('/v1/credentials/not-an-id/revoke', { method: 'POST' })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: 'CredentialNotFoundError' })
  })

  test('the OpenAPI document is served and is valid OpenAPI 3.1, with the three operations and API-key security', async () => {
    const document = await (await fetch(`${base}/openapi.json`)).json()
    await SwaggerParser.validate(structuredClone(document))
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths).sort()).toEqual(['/v1/credentials', '/v1/credentials/{id}', '/v1/credentials/{id}/revoke'])
    expect(Object.keys(document.paths['/v1/credentials'])).toEqual(expect.arrayContaining(['get', 'post']))
    expect(document.components.securitySchemes).toMatchObject({
      bearerAuth: { type: 'http', scheme: 'bearer' },
      apiKeyHeader: { type: 'apiKey', in: 'header' },
    })
    expect(document.paths['/v1/credentials'].post.requestBody.content['application/json'].schema.required).toContain('subject')
  })

  test('Prometheus metrics count issuances, refusals, revocations and unauthorized requests by route, never by value', async () => {
    const text = await (await fetch(`${base}/metrics`)).text()
    expect(text).toMatch(/^proofx_issuer_credentials_issued_total [3-9]/m)
    expect(text).toMatch(/^proofx_issuer_issue_rejected_total\{reason="validation"\} [1-9]/m)
    expect(text).toMatch(/^proofx_issuer_revocations_total\{outcome="revoked"\} 1$/m)
    expect(text).toMatch(/^proofx_issuer_revocations_total\{outcome="already_revoked"\} 1$/m)
    expect(text).toMatch(/^proofx_issuer_unauthorized_total 2$/m)
    expect(text).toContain('proofx_issuer_http_requests_total{route="/v1/credentials/:id/revoke",method="POST",status="200"}')
    expect(text).not.toContain(attributes.subject)
  })

  test('no log line carries an attribute value, the subject, the salt, the signature, the link or the API key', async () => {
    expect(logLines.length).toBeGreaterThan(10)
    const secrets = [
      attributes.assets,
      attributes.liabilities,
      attributes.subject,
      attributes.subject.toLowerCase(),
      attributes.subject.slice(2).toLowerCase(),
      API_KEY,
      'wallet.example/holder#',
      ...issuedSecrets,
    ]
    for (const secret of secrets)
      expect(
        logLines.filter((line) => line.includes(secret)),
        `a log line carried ${secret}`,
      ).toEqual([])
    // The lines are there, with what an operator needs: route patterns, status codes, error names and fields.
    expect(logLines.some((line) => line.includes('"route":"/v1/credentials"') && line.includes('"statusCode":201'))).toBe(true)
    expect(logLines.some((line) => line.includes('"error":"OutOfRangeError"') && line.includes('"field":"attributes.kycLevel"'))).toBe(true)
  })

  test('rate limit: beyond the per-client budget the /v1 routes answer 429 with Retry-After (wrong keys count too)', async () => {
    const limited = await createIssuanceServer({
      ledger,
      issuerKey,
      apiKeySha256: [hashApiKey(API_KEY)],
      rateLimit: { max: 3, timeWindowMs: 60_000 },
      logger: false,
    })
    const url = await limited.listen({ host: '127.0.0.1', port: 0 })
    try {
      const statuses: number[] = []
      for (const key of [API_KEY, 'wrong', API_KEY, API_KEY])
        statuses.push((await fetch(`${url}/v1/credentials`, { headers: { authorization: `Bearer ${key}` } })).status)
      expect(statuses).toEqual([200, 401, 200, 429])
      const response = await fetch(`${url}/v1/credentials`, { headers: { authorization: `Bearer ${API_KEY}` } })
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
      expect((await fetch(`${url}/healthz`)).status).toBe(200)
    } finally {
      await limited.close()
    }
  })

  test('refuses to start without an API key hash', async () => {
    await expect(createIssuanceServer({ ledger, issuerKey, apiKeySha256: [] })).rejects.toThrow(/at least one API key hash/)
  })
})
