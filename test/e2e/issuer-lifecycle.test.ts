import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { bytesToHex, createPublicClient, http, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { deserializeCredential, proofXVerifierAbi, readCredentialLink, type SignedCredential } from '@proofx/sdk'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { ANVIL_PRIVATE_KEY_0 } from '@proofx/test-helpers/anvil'
import { startDemo, type StartedDemo } from '../../scripts/demo/start-demo.js'
import { runProofx, spawnProofx, type ProofxProcess, type ProofxRun } from '../helpers/proofx-cli.js'
import { collectConsole, launchChromium, outputDir, screenshot } from './browser.js'

// The credential lifecycle across real parts, with documented commands only (docs/issuer.md): a KYC provider creates
// an issuer key, the deployment's admin registers it, the provider's issuance service (a real `proofx issuer serve`
// process) issues a credential over HTTP with its delivery link; the holder opens the link in Chromium on the demo
// page, which stores it encrypted, proves and submits on anvil; the provider revokes it with `proofx issuer revoke`;
// isCompliant turns false and the page shows the credential as revoked.

const dir = mkdtempSync(join(tmpdir(), 'proofx-issuer-lifecycle-'))
const holder = localAccounts.admin // the demo's "anvil dev 0" wallet
const revoker = localAccounts.relayer
const privateKeyOf = (account: { getHdKey(): { privateKey: Uint8Array | null } }) => bytesToHex(account.getHdKey().privateKey!) as Hex
// Distinctive values, so finding one in a request or a log line cannot be a coincidence.
const attributes = { subject: holder.address, assets: '7412589630147', liabilities: '385296174', kycLevel: 3, riskScore: 19, jurisdiction: 276 }
const API_KEYS = 'issuer-api-keys.json'

let demo: StartedDemo
let browser: Browser
let context: BrowserContext
let service: ProofxProcess
let env: Record<string, string>
let deploymentFile: string
const requests: string[] = []
let consoleLines: string[] = []

const cli = async (args: string[], extra: Record<string, string> = {}) => {
  const run: ProofxRun = await runProofx(args, { cwd: dir, env: { ...env, ...extra } })
  expect(run, `proofx ${args.join(' ')}\n${run.stderr}`).toMatchObject({ code: 0 })
  return JSON.parse(run.stdout)
}

beforeAll(async () => {
  demo = await startDemo({ outDir: `${outputDir}site-issuer`, writeDeploymentFile: false })
  env = { PROOFX_RPC_URL: demo.rpcUrl, PROOFX_ISSUER_PASSPHRASE: 'lifecycle passphrase' }
  deploymentFile = join(dir, `${demo.deployment.chainId}.json`)
  writeFileSync(deploymentFile, JSON.stringify(demo.deployment, null, 2))
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  // Every request the holder's browser makes, to any server: URL, headers and body.
  context.on('request', (request) => requests.push([request.url(), JSON.stringify(request.headers()), request.postData() ?? ''].join('\n')))
}, 600_000)

afterAll(async () => {
  if (consoleLines.length) console.log(consoleLines.join('\n'))
  await service?.stop()
  await browser?.close()
  await demo?.stop()
})

// One credential's life, in order (shuffle: false): each step uses what the one before made (the key, the service,
// the issued credential, the holder's page).
describe('a credential from issuer key to revocation, with the documented commands', { shuffle: false }, () => {
  let keyHash: string
  let apiKey: string
  let base: string
  test('the provider creates an issuer key and the admin registers it with its revoker', async () => {
    keyHash = (await cli(['issuer', 'key', 'create', '--keystore', 'issuer-key.json', '--scrypt-n', '16384'])).keyHash
    expect((await runProofx(['issuer', 'key', 'hash', '--keystore', 'issuer-key.json'], { cwd: dir })).stdout.trim()).toBe(keyHash)
    await cli(['admin', 'add-issuer', '--deployment', deploymentFile, '--issuer-key-hash', keyHash, '--revoker', revoker.address], {
      PROOFX_ADMIN_KEY: ANVIL_PRIVATE_KEY_0,
    })
    const trusted = await createPublicClient({ transport: http(demo.rpcUrl) }).readContract({
      address: demo.deployment.proxy,
      abi: proofXVerifierAbi,
      functionName: 'isTrustedIssuer',
      args: [BigInt(keyHash)],
    })
    expect(trusted).toBe(true)
  })

  test('the issuance service starts with a new API key and links to the holder page', async () => {
    apiKey = (await cli(['issuer', 'api-key', 'create', '--api-keys', API_KEYS, '--name', 'back-office'])).key
    service = spawnProofx(['issuer', 'serve', '--keystore', 'issuer-key.json', '--api-keys', API_KEYS, '--port', '0', '--holder-page', demo.url], {
      cwd: dir,
      env,
    })
    const listening = await service.waitForLog('proofx issuance service listening', 90_000)
    base = String(listening.address)
    expect(listening).toMatchObject({ openapi: `${base}/openapi.json`, issuerKeyHash: keyHash })
  })

  let id: string
  let link: string
  let credential: SignedCredential
  test('the back office issues a credential over HTTP; the delivery link carries it in the fragment only', async () => {
    const response = await fetch(`${base}/v1/credentials`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(attributes),
    })
    expect(response.status).toBe(201)
    const body = (await response.json()) as { id: string; link: string }
    id = body.id
    link = body.link
    expect(link.startsWith(`${demo.url}#`)).toBe(true)
    credential = deserializeCredential(JSON.stringify(readCredentialLink(link)))
    expect(credential.attributes).toMatchObject({ subject: holder.address, assets: BigInt(attributes.assets) })
    // Valid long enough for a record of the demo policy (30 days) to be made from it now.
    expect(Number(credential.attributes.expiresAt) - Date.now() / 1000).toBeGreaterThan(300 * 86_400)
  })

  test('the holder opens the link: the demo stores it encrypted, keeps it across a reload, proves and submits', async () => {
    const page = await context.newPage()
    consoleLines = collectConsole(page)
    await page.goto(link)
    await expect.poll(() => page.getByTestId('credential-item').count(), { timeout: 30_000 }).toBe(1)
    expect(page.url()).not.toContain('#')
    await page.reload()
    await expect.poll(() => page.getByTestId('credential-item').count(), { timeout: 30_000 }).toBe(1)
    expect(await page.getByTestId('credential-status').textContent()).toBe('valid')

    // At rest the record is an id, a time, an IV and ciphertext: no attribute is readable in IndexedDB.
    const stored = await page.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('proofx-credentials')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const all = open.result.transaction('credentials').objectStore('credentials').getAll()
            all.onsuccess = () =>
              resolve(
                (all.result as { ciphertext: ArrayBuffer }[]).map((record) =>
                  [Object.keys(record).sort().join(','), new TextDecoder().decode(record.ciphertext), JSON.stringify(record)].join('\n'),
                ),
              )
          }
        }),
    )
    expect(stored).toHaveLength(1)
    expect(stored[0]!.split('\n')[0]).toBe('addedAt,ciphertext,id,iv')
    for (const value of [attributes.assets, attributes.liabilities, credential.attributes.salt.toString()]) expect(stored[0]).not.toContain(value)
    await screenshot(page, '21-issuer-link-imported')

    await page.getByTestId('connect-anvil-dev-0').click()
    await page.getByTestId('policy-verified').waitFor({ timeout: 15_000 })
    await page.getByTestId('prove').click()
    await page.getByTestId('proof-ready').waitFor({ timeout: 180_000 })
    await page.getByTestId('submit').click()
    await page.getByTestId('compliant-until').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('credential-status').getAttribute('data-chain-status')).toBe('active')
    await screenshot(page, '22-issuer-credential-compliant')
  })

  test('the provider revokes it with proofx issuer revoke: isCompliant turns false and the demo shows it revoked', async () => {
    const isCompliant = () =>
      createPublicClient({ transport: http(demo.rpcUrl) }).readContract({
        address: demo.deployment.proxy,
        abi: proofXVerifierAbi,
        functionName: 'isCompliant',
        args: [holder.address, BigInt((demo.deployment.policies as Record<string, number>).accredited!)],
      })
    expect(await isCompliant()).toBe(true)
    const revoked = await cli(['issuer', 'revoke', id, '--deployment', deploymentFile], { PROOFX_REVOKER_KEY: privateKeyOf(revoker) })
    expect(revoked).toMatchObject({ id, status: 'revoked', alreadyRevoked: false })
    expect(await isCompliant()).toBe(false)

    const page = context.pages().at(-1)!
    await expect.poll(() => page.getByTestId('credential-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('revoked')
    expect(await page.getByTestId('credential-status').textContent()).toBe('revoked by its issuer')
    // One status: the revoked credential is not also shown as valid, nor as "not revoked" (as rendered: "until …" is on its own line).
    const row = (await page.getByTestId('credential-item').locator('td').allInnerTexts()).join('\n').toLowerCase()
    expect(row).not.toMatch(/\bvalid\b|not revoked|expires soon/)
    await expect.poll(() => page.getByTestId('compliance-status').textContent(), { timeout: 30_000 }).toMatch(/Not compliant with accredited/)
    await screenshot(page, '23-issuer-credential-revoked')
    // The ledger says so too.
    expect(await cli(['issuer', 'show', id])).toMatchObject({ status: 'revoked', revocations: [{ chainId: demo.deployment.chainId }] })
  })

  test('no browser request carried an attribute or the credential, and the service logged none', async () => {
    const fragment = new URL(link).hash.slice(1)
    const secrets = [
      attributes.assets,
      attributes.liabilities,
      credential.attributes.salt.toString(),
      credential.attributes.salt.toString(16),
      credential.signature.S.toString(),
      credential.signature.R8[0].toString(),
      fragment.slice(-40),
    ]
    expect(requests.length).toBeGreaterThan(10)
    for (const secret of secrets) expect(requests.filter((request) => request.includes(secret), `a request carried ${secret}`)).toEqual([])
    expect(await service.stop()).toBe(0)
    for (const secret of [...secrets, apiKey]) expect(service.output(), `the service logged ${secret}`).not.toContain(secret)
  })
})
