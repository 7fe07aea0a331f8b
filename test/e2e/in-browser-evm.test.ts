import { fileURLToPath } from 'node:url'
import { build, preview, type PreviewServer } from 'vite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { collectConsole, launchChromium, outputDir, screenshot } from './browser.js'

const viteConfig = fileURLToPath(new URL('../../vite.config.ts', import.meta.url))

// The static build with no chain at all: the page starts an EVM in the tab, deploys the real contracts
// into it and proves and verifies there, as a static host would serve it.
describe('demo page, static build with the in-browser EVM', () => {
  let server: PreviewServer
  let browser: Browser
  let page: Page
  let consoleLines: string[]

  beforeAll(async () => {
    const outDir = `${outputDir}static-site`
    await build({ configFile: viteConfig, logLevel: 'warn', build: { outDir } })
    server = await preview({ configFile: viteConfig, build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    consoleLines = collectConsole(page)
    await page.goto(server.resolvedUrls!.local[0]!)
  })

  afterAll(async () => {
    if (consoleLines?.length) console.log(consoleLines.join('\n'))
    await browser?.close()
    await server?.close()
  })

  test('deploys into the tab, proves, submits and shows compliant', async () => {
    await page.getByTestId('connect-anvil-dev-0').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('mode').textContent()).toBe('In-browser EVM (no chain)')
    await page.getByTestId('connect-anvil-dev-0').click()
    await page.getByTestId('issue-sample').click()
    await page.getByTestId('credential-item').waitFor({ timeout: 15_000 })
    await page.getByTestId('prove').click()
    await page.getByTestId('proof-ready').waitFor({ timeout: 120_000 })
    await page.getByTestId('submit').click()
    await page.getByTestId('compliant-until').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('tx-hash').textContent()).toMatch(/^0x[0-9a-f]{64}$/)
    await expect.poll(() => page.getByTestId('events').textContent(), { timeout: 10_000 }).toContain('ProofVerified')
    await screenshot(page, '10-in-browser-evm-compliant')
  })
})
