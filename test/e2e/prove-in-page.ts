import type { Browser } from 'playwright-core'
import type { Groth16Proof } from '@proofx/sdk'
import { collectConsole } from './browser.js'

export type PageProof = {
  /** The page's #status line once it settled: "verified in N ms", or the error it showed. */
  status: string
  /** What the page put in #output: the proof, its public signals and whether the page was cross-origin isolated. */
  result: { proof: Groth16Proof; publicSignals: string[]; isolated: boolean }
  /** Milliseconds from the click to the settled status. */
  ms: number
}

/**
 * Opens an example page, clicks its #prove button and waits for #status to settle. Every browser example
 * shares this contract: it proves in the SDK's worker, verifies the proof again (`prover.verify`) and
 * prints `verified in N ms` and the proof as JSON.
 */
export async function proveInPage(browser: Browser, url: string): Promise<PageProof> {
  const page = await browser.newPage()
  const lines = collectConsole(page)
  try {
    await page.goto(url)
    await page.locator('#prove:enabled').click({ timeout: 30_000 })
    const started = Date.now()
    const status = page.locator('#status')
    await page.waitForFunction(() => /^(verified|error|proof did not)/.test(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 180_000 })
    const ms = Date.now() - started
    const text = (await status.textContent()) ?? ''
    if (!text.startsWith('verified')) throw new Error(`${url}: ${text}\n${lines.join('\n')}`)
    return { status: text, result: JSON.parse((await page.locator('#output').textContent()) ?? '{}'), ms }
  } catch (error) {
    if (lines.length) console.log(`${url} console:\n${lines.join('\n')}`)
    throw error
  } finally {
    await page.close()
  }
}
