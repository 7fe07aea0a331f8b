import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startDemo, type StartedDemo } from '../../scripts/demo/start-demo.js'
import { collectConsole, launchChromium, outputDir, screenshot } from './browser.js'

// The demo page against a real anvil with the real contracts, driven in Debian's Chromium.
describe('demo page (anvil)', () => {
  let demo: StartedDemo
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
    expect(await page.getByTestId('policy-description').textContent()).toMatch(/^Accredited investors: net capital of at least 500,000 units.*\(id 1, version 1;/)
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
    await tampered.getByTestId('issue-sample').click()
    await expect.poll(() => tampered.getByTestId('credential-json').inputValue(), { timeout: 15_000 }).toContain('"subject"')
    expect(await tampered.getByTestId('prove').isDisabled()).toBe(true)
    await screenshot(tampered, '01b-tampered-policy')
    await tampered.close()
  })

  test('connects with the local dev account, proves in the browser, submits and shows compliant', async () => {
    await page.getByTestId('connect-anvil-dev-0').click()
    await expect.poll(() => page.getByTestId('connected-address').textContent(), { timeout: 15_000 }).toMatch(/^0xf39F/i)
    await screenshot(page, '01-connected')

    await page.getByTestId('issue-sample').click()
    await expect.poll(() => page.getByTestId('credential-json').inputValue(), { timeout: 15_000 }).toContain('"subject"')
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

  test('a below-threshold credential is refused before proving', async () => {
    await page.getByTestId('sample-profile').selectOption('belowThreshold')
    await page.getByTestId('issue-sample').click()
    await page.getByTestId('prove').click()
    const error = page.getByTestId('prove-error')
    await error.waitFor({ timeout: 10_000 })
    expect(await error.textContent()).toMatch(/Net capital 200000 is below the policy's 500000/)
    expect(await page.getByTestId('proof-ready').count()).toBe(0)
    await screenshot(page, '07-below-threshold')
  })

  test('an expired credential is refused before proving, with its expiry date', async () => {
    await page.getByTestId('sample-profile').selectOption('expired')
    await page.getByTestId('issue-sample').click()
    await page.getByTestId('prove').click()
    const error = page.getByTestId('prove-error')
    await error.waitFor({ timeout: 10_000 })
    expect(await error.textContent()).toMatch(/The credential expired on \d{4}-\d\d-\d\d/)
    await screenshot(page, '08-expired')
  })
})
