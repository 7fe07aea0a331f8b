import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bytesToHex, createPublicClient, http, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { computeNullifier, computeScope, deserializeCredential, proofXVerifierAbi, readCredentialLink } from '@proofx/sdk'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { ANVIL_PRIVATE_KEY_0, type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { runProofx, spawnProofx, type ProofxProcess, type ProofxRun } from '../../../test/helpers/proofx-cli.js'

// `proofx issuer serve` as a real process on loopback: the keystore, API keys file, ledger and deployment file a
// provider makes with the documented commands; issue, status and revoke over HTTP; metrics; logs; SIGTERM.

const dir = mkdtempSync(join(tmpdir(), 'proofx-issuer-serve-'))
const revoker = localAccounts.relayer
const privateKeyOf = (account: { getHdKey(): { privateKey: Uint8Array | null } }) => bytesToHex(account.getHdKey().privateKey!) as Hex
// Distinctive values, so finding one in a log line cannot be a coincidence.
const attributes = { subject: localAccounts.subject.address, assets: '6150493827161', liabilities: '294817365', kycLevel: 3, riskScore: 23, jurisdiction: 276 }
let node: ProofXNode
let env: Record<string, string>
let deploymentFile: string
let apiKey: string
let service: ProofxProcess
let base: string

const json = (run: ProofxRun) => {
  expect(run, run.stderr).toMatchObject({ code: 0 })
  return JSON.parse(run.stdout)
}
const call = (path: string, init: RequestInit & { key?: string | null } = {}) => {
  const { key = apiKey, ...rest } = init
  return fetch(`${base}${path}`, {
    ...rest,
    headers: { ...(rest.body === undefined ? {} : { 'content-type': 'application/json' }), ...(key ? { authorization: `Bearer ${key}` } : {}) },
  })
}

beforeAll(async () => {
  node = await startProofXNode()
  env = { PROOFX_RPC_URL: node.rpcUrl, PROOFX_ISSUER_PASSPHRASE: 'serve passphrase' }
  mkdirSync(join(dir, 'deployments'))
  deploymentFile = join(dir, 'deployments', `${node.chainId}.json`)
  writeFileSync(
    deploymentFile,
    JSON.stringify(node.deployment, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2),
  )
  const cli = (args: string[], extra: Record<string, string> = {}) => runProofx(args, { cwd: dir, env: { ...env, ...extra } })
  const { keyHash } = json(await cli(['issuer', 'key', 'create', '--scrypt-n', '16384']))
  json(
    await cli(['admin', 'add-issuer', '--deployment', deploymentFile, '--issuer-key-hash', keyHash, '--revoker', revoker.address], {
      PROOFX_ADMIN_KEY: ANVIL_PRIVATE_KEY_0,
    }),
  )
  const created = json(await cli(['issuer', 'api-key', 'create', '--api-keys', 'issuer-api-keys.json', '--name', 'back-office']))
  apiKey = created.key
  service = spawnProofx(
    [
      'issuer',
      'serve',
      '--api-keys',
      'issuer-api-keys.json',
      '--deployment',
      deploymentFile,
      '--port',
      '0',
      '--rate-limit',
      '30/60',
      '--holder-page',
      'https://wallet.example/holder',
    ],
    { cwd: dir, env: { ...env, PROOFX_REVOKER_KEY: privateKeyOf(revoker) } },
  )
  const listening = await service.waitForLog('proofx issuance service listening', 60_000)
  base = String(listening.address)
  expect(listening.openapi).toBe(`${base}/openapi.json`)
}, 300_000)

afterAll(async () => {
  await service?.stop()
  await node?.stop()
})

// A journey by design, not shuffled: one service process, started above, and one API-key file it watches; the
// steps issue, revoke, rotate keys and finally stop it, and later ones read what earlier ones did (metrics, logs).
describe('proofx issuer serve and its API-key file, in order', { shuffle: false }, () => {
  describe('proofx issuer api-key create', () => {
    test('prints the key once; the file keeps only its sha256, mode 0600', () => {
      const file = readFileSync(join(dir, 'issuer-api-keys.json'), 'utf8')
      expect(apiKey).toMatch(/^pxi_[\w-]{43}$/)
      expect(file).not.toContain(apiKey)
      expect(JSON.parse(file).keys).toEqual([{ name: 'back-office', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), createdAt: expect.any(String) }])
      expect(statSync(join(dir, 'issuer-api-keys.json')).mode & 0o777).toBe(0o600)
    })

    test('a name that has a key already is refused', async () => {
      const again = await runProofx(['issuer', 'api-key', 'create', '--api-keys', 'issuer-api-keys.json', '--name', 'back-office'], { cwd: dir })
      expect(again.code).toBe(1)
      expect(again.stderr).toMatch(/--name.*"back-office" already has a key/)
    })

    test('serve without any API key refuses to start, naming the option', async () => {
      const run = await runProofx(['issuer', 'serve', '--port', '0'], { cwd: dir, env })
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/--api-keys/)
    })

    test('serve refuses to start when every key in the file is revoked', async () => {
      const cli = (args: string[]) => runProofx(['issuer', 'api-key', ...args, '--api-keys', 'all-revoked.json'], { cwd: dir })
      json(await cli(['create', '--name', 'gone']))
      expect(json(await cli(['revoke', '--name', 'gone']))).toMatchObject({ name: 'gone', status: 'revoked', alreadyRevoked: false })
      const run = await runProofx(['issuer', 'serve', '--api-keys', 'all-revoked.json', '--port', '0'], { cwd: dir, env })
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/--api-keys.*not revoked/)
    })

    test('a raw key in PROOFX_ISSUER_API_KEY_SHA256 is refused, naming that variable', async () => {
      const run = await runProofx(['issuer', 'serve', '--api-keys', 'issuer-api-keys.json', '--port', '0'], {
        cwd: dir,
        env: { ...env, PROOFX_ISSUER_API_KEY_SHA256: 'pxi_a-raw-key-not-a-digest' },
      })
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/PROOFX_ISSUER_API_KEY_SHA256.*sha256 hex digests/)
      expect(run.stderr).not.toMatch(/relay/)
    })
  })

  describe('proofx issuer serve (a real process on loopback)', () => {
    let id: string
    let fragment: string

    test('refuses requests without a valid API key', async () => {
      expect((await call('/v1/credentials', { key: null })).status).toBe(401)
      expect((await call('/v1/credentials', { key: `${apiKey}x` })).status).toBe(401)
    })

    test('issues a credential over HTTP, with the delivery link carrying it in the fragment', async () => {
      const response = await call('/v1/credentials', { method: 'POST', body: JSON.stringify(attributes) })
      expect(response.status).toBe(201)
      expect(response.headers.get('x-ratelimit-limit')).toBe('30')
      const body = await response.json()
      id = body.id
      expect(body.record).toMatchObject({ id, subject: attributes.subject, status: 'issued' })
      const link = new URL(body.link)
      expect(`${link.origin}${link.pathname}`).toBe('https://wallet.example/holder')
      fragment = link.hash.slice(1)
      expect(deserializeCredential(JSON.stringify(readCredentialLink(body.link))).attributes).toMatchObject({
        assets: BigInt(attributes.assets),
        jurisdiction: 276,
      })
    })

    test('a request breaking a rule gets the field and the rule', async () => {
      const response = await call('/v1/credentials', { method: 'POST', body: JSON.stringify({ ...attributes, kycLevel: 300 }) })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ field: 'attributes.kycLevel' })
    })

    test('status, then revoke on the deployment: the contract has the nullifier revoked', async () => {
      expect(await (await call(`/v1/credentials/${id}`)).json()).toMatchObject({ id, status: 'issued', revocations: [] })
      const revoked = await call(`/v1/credentials/${id}/revoke`, { method: 'POST' })
      expect(revoked.status).toBe(200)
      const body = (await revoked.json()) as { nullifier: string; record: { credentialHash: string; issuerKeyHash: string } }
      expect(body).toMatchObject({ alreadyRevoked: false, chainId: node.chainId, record: { status: 'revoked' } })
      const { credentialHash, issuerKeyHash } = body.record
      expect(body.nullifier).toBe(computeNullifier(BigInt(credentialHash), computeScope(node.chainId, node.deployment.proxy)).toString())
      const onChain = await createPublicClient({ transport: http(node.rpcUrl) }).readContract({
        address: node.deployment.proxy,
        abi: proofXVerifierAbi,
        functionName: 'isRevoked',
        args: [BigInt(issuerKeyHash), BigInt(body.nullifier)],
      })
      expect(onChain).toBe(true)
      expect(await (await call(`/v1/credentials/${id}`)).json()).toMatchObject({ status: 'revoked' })
    })

    test('serves Prometheus metrics and its OpenAPI document without a key', async () => {
      const metrics = await (await call('/metrics', { key: null })).text()
      expect(metrics).toMatch(/^proofx_issuer_credentials_issued_total 1$/m)
      expect(metrics).toMatch(/^proofx_issuer_revocations_total\{outcome="revoked"\} 1$/m)
      expect(metrics).toMatch(/^proofx_issuer_unauthorized_total 2$/m)
      const openapi = await (await call('/openapi.json', { key: null })).json()
      expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/v1/credentials', '/v1/credentials/{id}', '/v1/credentials/{id}/revoke']))
    })

    test('api-key create and revoke count on the running service: a revoked key gets 401 from its next request', async () => {
      const keys = (args: string[]) => runProofx(['issuer', 'api-key', ...args, '--api-keys', 'issuer-api-keys.json'], { cwd: dir })
      const rotated = json(await keys(['create', '--name', 'back-office-2'])) as { key: string }
      expect((await call('/v1/credentials', { key: rotated.key })).status).toBe(200)
      expect((await call('/v1/credentials')).status).toBe(200)

      const revoked = json(await keys(['revoke', '--name', 'back-office']))
      expect(revoked).toMatchObject({ name: 'back-office', status: 'revoked', revokedAt: expect.any(String), alreadyRevoked: false })
      const refused = await call('/v1/credentials')
      expect(refused.status).toBe(401)
      expect(await refused.json()).toMatchObject({ error: 'UnauthorizedError' })
      expect((await call('/v1/credentials', { method: 'POST', body: JSON.stringify(attributes) })).status).toBe(401)
      expect((await call('/v1/credentials', { key: rotated.key })).status).toBe(200)

      const listed = await keys(['list'])
      expect(JSON.parse(listed.stdout)).toEqual([
        { name: 'back-office', sha256: revoked.sha256, createdAt: expect.any(String), status: 'revoked', revokedAt: revoked.revokedAt },
        { name: 'back-office-2', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), createdAt: expect.any(String), status: 'active', revokedAt: null },
      ])
      for (const key of [apiKey, rotated.key]) {
        expect(listed.stdout + listed.stderr).not.toContain(key)
        expect(readFileSync(join(dir, 'issuer-api-keys.json'), 'utf8')).not.toContain(key)
      }
      expect(statSync(join(dir, 'issuer-api-keys.json')).mode & 0o777).toBe(0o600)

      expect(json(await keys(['revoke', '--name', 'back-office']))).toMatchObject({ status: 'revoked', alreadyRevoked: true, revokedAt: revoked.revokedAt })
      const unknown = await keys(['revoke', '--name', 'nobody'])
      expect(unknown.code).toBe(1)
      expect(unknown.stderr).toMatch(/--name.*no key is named "nobody"/)
      const reused = await keys(['create', '--name', 'back-office'])
      expect(reused.code).toBe(1)
      expect(reused.stderr).toMatch(/"back-office" already has a key/)
    })

    test('SIGTERM stops it cleanly (exit 0), and its logs never carried an attribute, the link or the API key', async () => {
      expect(await service.stop()).toBe(0)
      const output = service.output()
      expect(output).toMatch(/proofx issuance service stopped/)
      expect(output).toMatch(/"route":"\/v1\/credentials\/:id\/revoke"/)
      for (const secret of [attributes.assets, attributes.liabilities, attributes.subject, attributes.subject.toLowerCase(), fragment.slice(-40), apiKey])
        expect(output, `the logs carried ${secret}`).not.toContain(secret)
    })
  })
})
