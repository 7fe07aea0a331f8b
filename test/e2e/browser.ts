import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { requireTool } from '../../scripts/provision/find-tools.mjs'
import { chromiumArgs } from '../../vitest.config.js'

export const outputDir = fileURLToPath(new URL('../../.test-output/e2e/', import.meta.url))

/** Debian's Chromium, headless, as the rest of the suite drives it; missing, the error says how to install it. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireTool('chromium'), args: chromiumArgs, headless: true })
}

/** Saves a full-page screenshot to .test-output/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(outputDir, { recursive: true })
  const path = `${outputDir}${name}.png`
  await page.screenshot({ path, fullPage: true })
  return path
}

/** Collects the page's console errors so a failing test shows what the browser saw. */
export function collectConsole(page: Page): string[] {
  const lines: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') lines.push(`[${message.type()}] ${message.text()}`)
  })
  page.on('pageerror', (error) => lines.push(`[pageerror] ${error.message}`))
  return lines
}
