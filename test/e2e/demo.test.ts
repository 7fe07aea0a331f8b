import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startDemo, type StartedDemo } from '../../scripts/demo/start-demo.js'
import { createProofX, credentialLink, proofXRoles, randomSalt, signCredential, writeVerifier } from '@proofx/sdk'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { demoIssuer } from '@proofx/sdk/demo'
import { collectConsole, launchChromium, outputDir, screenshot } from './browser.js'

/** Gets a sample from the in-page demo issuer and waits until it is stored and chosen for proving. */
async function issueSample(page: Page) {
  const before = await page.getByTestId('credential-item').count()
  await page.getByTestId('issue-sample').click()
  await expect.poll(() => page.getByTestId('credential-item').count(), { timeout: 15_000 }).toBe(before + 1)
  await expect.poll(() => page.getByTestId('credential-choice').first().isChecked(), { timeout: 5_000 }).toBe(true)
}

// The demo page against a real anvil with the real contracts, driven in Debian's Chromium.
// A visitor's journey on one page, in order (shuffle: false): connect, prove and submit, then the operator pauses, the
// panel changes roles, and refused credentials come after; each step starts from the page the one before left.
describe('demo page (anvil)', { shuffle: false }, () => {
  let demo: StartedDemo
  // The deployment's admin (also the demo issuer's revoker), for what the test does on-chain itself.
  const adminProofX = () =>
    createProofX({
      chainId: demo.deployment.chainId,
      deployment: demo.deployment as never,
      rpcUrl: demo.rpcUrl,
      account: localAccounts.admin,
      pollingInterval: 100,
    })
  let browser: Browser
  let page: Page
  let consoleLines: string[]

  beforeAll(async () => {
    demo = await startDemo({ outDir: `${outputDir}site`, writeDeploymentFile: false })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    consoleLines = collectConsole(page)
    await page.goto(demo.url)
  })

  afterAll(async () => {
    if (consoleLines?.length) console.log(consoleLines.join('\n'))
    await browser?.close()
    await demo?.stop()
  })

  test('is served cross-origin isolated, so the prover shares buffers with its curve threads', async () => {
    expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true)
  })

  test('the policy comes from the document the deployment publishes, checked against the contract', async () => {
    await page.getByTestId('policy-verified').waitFor({ timeout: 15_000 })
    expect(await page.getByTestId('policy-description').textContent()).toMatch(
      /^Accredited investors: net capital of at least 500,000 units.*\(id 1, version 1;/,
    )
    expect(await page.getByTestId('policy-select').locator('option').allTextContents()).toEqual(['accredited', 'retail'])
  })

  test('a policy document altered on its way to the page is refused before proving', async () => {
    const tampered = await browser.newPage()
    await tampered.route('**/deployment.json', async (route) => {
      const deployment = await (await route.fetch()).json()
      deployment.policyDocuments.accredited.rules.minKycLevel = 0
      delete deployment.policyDocuments.accredited.hash
      await route.fulfill({ json: deployment })
    })
    await tampered.goto(demo.url)
    const error = tampered.getByTestId('policy-error')
    await error.waitFor({ timeout: 30_000 })
    expect(await error.getAttribute('data-error-name')).toBe('PolicyHashMismatchError')
    expect(await error.textContent()).toMatch(/The policy document "accredited" does not match policy 1 on the verifier/)
    // Connected and holding a credential, the visitor still cannot prove against the altered rules.
    await tampered.getByTestId('connect-anvil-dev-0').click()
    await issueSample(tampered)
    expect(await tampered.getByTestId('prove').isDisabled()).toBe(true)
    await screenshot(tampered, '01b-tampered-policy')
    await tampered.close()
  })

  test('connects with the local dev account, proves in the browser, submits and shows compliant', async () => {
    await page.getByTestId('connect-anvil-dev-0').click()
    await expect.poll(() => page.getByTestId('connected-address').textContent(), { timeout: 15_000 }).toMatch(/^0xf39F/i)
    await screenshot(page, '01-connected')

    await issueSample(page)
    await screenshot(page, '02-credential')

    // The page preloaded the prover while we connected and got a credential: the first proof runs warm.
    await page.locator('[data-testid="prover-status"][data-ready="true"]').waitFor({ timeout: 120_000 })
    const preloaded = await page.getByTestId('prover-status').textContent()
    await page.getByTestId('prove').click()
    await page.getByTestId('proof-ready').waitFor({ timeout: 120_000 })
    const proveTime = await page.getByTestId('prove-time').textContent()
    const breakdown = await page.getByTestId('proof-ready').textContent()
    console.log(`in-browser first proof after preload: ${breakdown} · ${preloaded}`)
    // Nothing left to load: at most a check of the already-loaded artifacts (ms, not the seconds of a cold load).
    const load = breakdown!.match(/load ([\d.]+) (ms|s)\)/)
    if (load) expect({ unit: load[2], ms: Number(load[1]) < 100 }).toEqual({ unit: 'ms', ms: true })
    expect(proveTime).toMatch(/\d/)
    await screenshot(page, '03-proved')

    await page.getByTestId('submit').click()
    await page.getByTestId('compliant-until').waitFor({ timeout: 60_000 })
    // Once the record is confirmed the button is done submitting (it used to keep reading "Submitting…").
    await expect.poll(() => page.getByTestId('submit').textContent(), { timeout: 5_000 }).toBe('Submit proof')
    await page.getByTestId('tx-hash').waitFor({ timeout: 5_000 })
    expect(await page.getByTestId('compliant-until').textContent()).toMatch(/Compliant until/)
    expect(await page.getByTestId('tx-hash').textContent()).toMatch(/0x[0-9a-f]{8}/i)
    await expect.poll(() => page.getByTestId('events').textContent(), { timeout: 10_000 }).toContain('ProofVerified')
    await screenshot(page, '04-compliant')
  })

  test('after the operator pauses, the next submission is refused with a readable message', async () => {
    await page.getByTestId('pause').click()
    await expect.poll(() => page.getByTestId('contract-status').textContent(), { timeout: 15_000 }).toBe('Paused')
    await screenshot(page, '05-paused')

    await page.getByTestId('prove').click()
    await page.getByTestId('proof-ready').waitFor({ timeout: 120_000 })
    await page.getByTestId('submit').click()
    const error = page.getByTestId('submit-error')
    await error.waitFor({ timeout: 30_000 })
    expect(await error.textContent()).toMatch(/paused/i)
    await screenshot(page, '06-refused-paused')

    await page.getByTestId('unpause').click()
    await expect.poll(() => page.getByTestId('contract-status').textContent(), { timeout: 15_000 }).toBe('Accepting proofs')
  })

  test('the operator panel shows each control only to the role that can use it, and sends it with the SDK action', async () => {
    // Dev account #1 holds no role: the panel offers nothing.
    const operator = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await operator.goto(demo.url)
    await operator.getByTestId('connect-anvil-dev-1').click()
    await operator.getByTestId('operator-no-role').waitFor({ timeout: 15_000 })
    for (const control of ['pause', 'unpause', 'close-gates', 'open-gates', 'grant-signer']) expect(await operator.getByTestId(control).count()).toBe(0)

    // Granted PAUSER_ROLE alone, it may pause and close the gates; undoing either is DEFAULT_ADMIN_ROLE's.
    const admin = adminProofX()
    const pauser = localAccounts.subject.address
    await writeVerifier(admin, { address: demo.deployment.proxy, functionName: 'grantRole', args: [proofXRoles.PAUSER_ROLE, pauser] })
    await operator.getByTestId('pause').click()
    await expect.poll(() => operator.getByTestId('contract-status').textContent(), { timeout: 15_000 }).toBe('Paused')
    await operator.getByTestId('close-gates').click()
    await expect.poll(() => operator.getByTestId('gates-status').textContent(), { timeout: 15_000 }).toBe('Closed')
    expect(await operator.getByTestId('unpause').count()).toBe(0)
    expect(await operator.getByTestId('open-gates').count()).toBe(0)
    expect(await operator.getByTestId('grant-signer').count()).toBe(0)
    await screenshot(operator, '06b-pauser-only')

    // The admin's page offers the way back.
    await expect.poll(() => page.getByTestId('gates-status').textContent(), { timeout: 15_000 }).toBe('Closed')
    await page.getByTestId('unpause').click()
    await expect.poll(() => page.getByTestId('contract-status').textContent(), { timeout: 15_000 }).toBe('Accepting proofs')
    await page.getByTestId('open-gates').click()
    await expect.poll(() => page.getByTestId('gates-status').textContent(), { timeout: 15_000 }).toBe('Open')
    await writeVerifier(admin, { address: demo.deployment.proxy, functionName: 'revokeRole', args: [proofXRoles.PAUSER_ROLE, pauser] })
    await operator.getByTestId('operator-no-role').waitFor({ timeout: 15_000 })
    await operator.close()
  })

  test('a below-threshold credential is refused before proving', async () => {
    await page.getByTestId('sample-profile').selectOption('belowThreshold')
    await issueSample(page)
    await page.getByTestId('prove').click()
    const error = page.getByTestId('prove-error')
    await error.waitFor({ timeout: 10_000 })
    expect(await error.textContent()).toMatch(/Net capital 200000 is below the policy's 500000/)
    expect(await page.getByTestId('proof-ready').count()).toBe(0)
    await screenshot(page, '07-below-threshold')
  })

  test('an expired credential is refused before proving, with its expiry date', async () => {
    await page.getByTestId('sample-profile').selectOption('expired')
    await issueSample(page)
    await page.getByTestId('prove').click()
    const error = page.getByTestId('prove-error')
    await error.waitFor({ timeout: 10_000 })
    expect(await error.textContent()).toMatch(/The credential expired on \d{4}-\d\d-\d\d/)
    await screenshot(page, '08-expired')
  })
  test('a credential from an issuer link is stored once, survives a reload, and no request ever carries it', async () => {
    const now = BigInt(Math.floor(Date.now() / 1000))
    // Distinctive values, so finding one in a request cannot be a coincidence.
    const credential = signCredential(demoIssuer(), {
      subject: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      assets: 8_123_456_789_012_345n,
      liabilities: 1_234_567_890_123n,
      kycLevel: 3,
      riskScore: 17,
      jurisdiction: 276,
      issuedAt: now - 3_600n,
      expiresAt: now + 90n * 86_400n,
      salt: randomSalt(),
    })
    const link = credentialLink(demo.url, credential)
    const fragment = new URL(link).hash.slice(1).split('=')[1]!
    const secrets = [
      credential.attributes.assets,
      credential.attributes.liabilities,
      credential.attributes.salt,
      credential.signature.S,
      credential.signature.R8[0],
    ]
      .flatMap((value) => [value.toString(), value.toString(16)])
      .concat(fragment.slice(0, 40))
    const holder = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const seen: string[] = []
    holder.on('request', (request) => seen.push([request.url(), request.postData() ?? '', JSON.stringify(request.headers())].join('\n')))

    await holder.goto(link)
    await expect.poll(() => holder.getByTestId('credential-item').count(), { timeout: 30_000 }).toBe(1)
    expect(holder.url()).not.toContain('#')
    expect(await holder.getByTestId('credential-status').textContent()).toBe('valid')
    await screenshot(holder, '11-imported-from-link')

    await holder.reload()
    await expect.poll(() => holder.getByTestId('credential-item').count(), { timeout: 30_000 }).toBe(1)
    await holder.getByTestId('connect-anvil-dev-0').click()
    await holder.getByTestId('policy-verified').waitFor({ timeout: 15_000 })
    await holder.getByTestId('prove').click()
    await holder.getByTestId('proof-ready').waitFor({ timeout: 120_000 })
    await holder.getByTestId('submit').click()
    await holder.getByTestId('compliant-until').waitFor({ timeout: 60_000 })
    await screenshot(holder, '12-link-credential-compliant')
    expect(await holder.getByTestId('credential-status').getAttribute('data-chain-status')).toBe('active')

    // The issuer's revoker revokes it on this deployment: the page sees the CredentialRevoked event and shows it.
    const revoker = adminProofX()
    const { issuerKeyHash, nullifier } = await revoker.getCredentialStatus({ credential })
    await revoker.revokeCredential({ issuerKeyHash, nullifier })
    expect(await revoker.isCompliant({ subject: credential.attributes.subject, policyId: 1n })).toBe(false)
    await expect.poll(() => holder.getByTestId('credential-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('revoked')
    expect(await holder.getByTestId('credential-status').textContent()).toBe('revoked by its issuer')
    expect((await holder.getByTestId('credential-item').locator('td').allInnerTexts()).join('\n').toLowerCase()).not.toMatch(/\bvalid\b|not revoked/)
    await expect
      .poll(() => holder.getByTestId('compliance-status').textContent(), { timeout: 30_000 })
      .toMatch(/Not compliant with accredited \(revoked or issuer removed\)/)
    await screenshot(holder, '13-link-credential-revoked')

    expect(seen.length).toBeGreaterThan(10)
    for (const secret of secrets)
      expect(
        seen.filter((request) => request.includes(secret)),
        `a request carried ${secret}`,
      ).toEqual([])
    await holder.close()
  })
})
