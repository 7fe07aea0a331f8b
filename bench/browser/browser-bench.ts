// Headless Chromium: the SDK against plain snarkjs in the same page, cold and warm, click-to-proof after a
// preload, the second visit's downloads, and the memory proving adds.
import { chromium, type Browser, type Page } from 'playwright-core'
import { ARTIFACT_FILES, type ProofTimings, type ProvingEngine } from '@proofx/sdk'
import { requireTool } from '../../scripts/provision/find-tools.mjs'
import { chromiumArgs } from '../../vitest.config.js'
import { medianOfFields, outsideWorkerStages, summarize, type Summary } from '../lib/stats.js'
import type { BenchPageApi } from './page/bench-page.js'
import { buildBenchPage, type BenchPageBuild } from './build-bench-page.js'
import { createMemorySampler } from './renderer-memory.js'
import { serveBenchPage, type BenchServer } from './serve-bench-page.js'

declare global {
  var proofxBench: BenchPageApi
}

export type ClickSample = {
  clickToVerifiedMs: number
  /** A second click on the same page: what a click costs once the worker has proved once (the preload lever). */
  secondClickMs: number
  coldPlainMs: number
  preloadMs: number
  downloads: Record<string, number>
}

export type BrowserBenchResult = {
  chromium: string
  build: BenchPageBuild
  cold: { sinceNavigationMs: number; callMs: number; timings: ProofTimings; zkeyDownloads: number }
  memory: {
    baselineRssMiB: number
    peakRssMiB: number
    afterRssMiB: number
    addedPeakMiB: number
    mainHeapBeforeMiB: number
    mainHeapAfterMiB: number
    sdkProofs: number
  }
  /** Whether the bench page was cross-origin isolated (the SDK worker then shares buffers with the curve threads). */
  crossOriginIsolated: boolean
  warm: {
    sdk: Summary
    sdkSplit: ProofTimings
    sdkOverhead: Summary
    plainMain: Summary
    plainWorker: Summary
    plainWorkerRoundTrip: Summary
    ratioVsWorker: number
    ratioVsMain: number
  }
  /**
   * Warm SDK proofs with each engine named explicitly (createProver({ engine })), in the isolated page's series and
   * in the page served without COOP/COEP: the engines side by side in the same pages.
   */
  engines: Record<'isolated' | 'notIsolated', Record<ProvingEngine, { summary: Summary; split: ProofTimings }>>
  /** The SDK's warm proofs in a page served without COOP/COEP (buffers transferred, not shared), with plain snarkjs in the same page. */
  notIsolated: { sdk: Summary; plainMain: Summary; ratioVsMain: number }
  /** Artifact requests the server answered during the second visit (preload + proof), per file. */
  secondVisit: { downloads: Record<string, number>; zkeyRequestsSeenByBrowser: number }
  click: { samples: ClickSample[]; clickToVerified: Summary; secondClick: Summary; coldPlain: Summary; ratio: number }
}

const ARTIFACTS = Object.values(ARTIFACT_FILES)

export async function runBrowserBench(runs: number, clickRuns: number, log: (line: string) => void): Promise<BrowserBenchResult> {
  const build = await buildBenchPage()
  log(
    `browser: npm run build -w sdk in ${Math.round(build.sdkBuildMs)} ms, then the bench page in ${Math.round(build.ms)} ms (${(build.jsBytes / 1e6).toFixed(2)} MB of JS; ${build.sdkDistModules} SDK modules, all from sdk/dist)`,
  )
  const server = await serveBenchPage(build.outDir)
  const browser = await chromium.launch({ executablePath: requireTool('chromium'), args: chromiumArgs, headless: true })
  try {
    const memory = await createMemorySampler(browser)
    const context = await browser.newContext()
    let zkeyRequestsSeen = 0
    context.on('request', (request) => {
      if (request.url().endsWith('/artifacts/compliance.zkey')) zkeyRequestsSeen++
    })
    const hitsNow = () => Object.fromEntries(ARTIFACTS.map((file) => [file, server.hits(file)]))
    const hitsSince = (before: Record<string, number>) => Object.fromEntries(ARTIFACTS.map((file) => [file, server.hits(file) - before[file]!]))

    // Visit 1: a cold page (empty Cache API), first proof with no preload.
    let page = await openBenchPage(context.newPage(), server, log)
    const crossOriginIsolated = await page.evaluate(() => self.crossOriginIsolated)
    const baselineRss = await memory.rendererRss()
    const mainHeapBefore = await memory.mainHeap(page)
    const watch = memory.watchPeak()
    const cold = await page.evaluate(() => proofxBench.sdkColdProve())
    const zkeyDownloads = server.hits('compliance.zkey')
    log(`browser: cold first proof ${Math.round(cold.sinceNavigationMs)} ms after navigation (call ${Math.round(cold.callMs)} ms)`)
    const memoryProofs = 2
    for (let i = 0; i < memoryProofs; i++) await page.evaluate(() => proofxBench.sdkProve())
    const peakRss = await watch.stop()
    const afterRss = await memory.rendererRss()
    const mainHeapAfter = await memory.mainHeap(page)

    // Warm series: SDK worker, plain snarkjs on the main thread, plain snarkjs in a bare worker, interleaved.
    await page.evaluate(() => proofxBench.plainWorkerStart())
    await page.evaluate(() => proofxBench.plainMainProve())
    await page.evaluate(() => proofxBench.plainWorkerProve())
    for (const engine of ENGINES) await page.evaluate((e) => proofxBench.sdkProve(e), engine)
    const byEngine = (): Record<ProvingEngine, ProofTimings[]> => ({ proofx: [], snarkjs: [] })
    const isolatedEngines = byEngine()
    const sdk: ProofTimings[] = []
    const plainMain: number[] = []
    const plainWorker: { inWorker: number; roundTrip: number }[] = []
    // The order rotates every round so no variant always runs right after another one's garbage.
    const variants = [
      async () => sdk.push(await page.evaluate(() => proofxBench.sdkProve())),
      async () => plainMain.push(await page.evaluate(() => proofxBench.plainMainProve())),
      async () => plainWorker.push(await page.evaluate(() => proofxBench.plainWorkerProve())),
      ...ENGINES.map((engine) => async () => isolatedEngines[engine].push(await page.evaluate((e) => proofxBench.sdkProve(e), engine))),
    ]
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < variants.length; k++) await variants[(i + k) % variants.length]!()
      log(
        `browser run ${i + 1}/${runs}: sdk ${Math.round(sdk.at(-1)!.total)} ms, plain main ${Math.round(plainMain.at(-1)!)} ms, plain worker ${Math.round(plainWorker.at(-1)!.inWorker)} ms, ${ENGINES.map((e) => `engine ${e} ${Math.round(isolatedEngines[e].at(-1)!.total)} ms`).join(', ')}`,
      )
    }
    await page.evaluate(() => proofxBench.dispose())
    await page.close()

    // The same page served without COOP/COEP, as a dApp that does not set them serves the SDK.
    page = await openBenchPage(context.newPage(), server, log, '?isolation=off')
    if (await page.evaluate(() => self.crossOriginIsolated)) throw new Error('the ?isolation=off page is cross-origin isolated')
    const notIsolatedSdk: number[] = []
    const notIsolatedPlain: number[] = []
    const notIsolatedEngines = byEngine()
    await page.evaluate(() => proofxBench.sdkProve())
    await page.evaluate(() => proofxBench.plainMainProve())
    for (const engine of ENGINES) await page.evaluate((e) => proofxBench.sdkProve(e), engine)
    const notIsolatedRuns = Math.max(3, Math.ceil(runs / 2))
    for (let i = 0; i < notIsolatedRuns; i++) {
      notIsolatedSdk.push((await page.evaluate(() => proofxBench.sdkProve())).total)
      notIsolatedPlain.push(await page.evaluate(() => proofxBench.plainMainProve()))
      for (const engine of ENGINES) notIsolatedEngines[engine].push(await page.evaluate((e) => proofxBench.sdkProve(e), engine))
      log(
        `browser, page not isolated, run ${i + 1}/${notIsolatedRuns}: sdk ${Math.round(notIsolatedSdk.at(-1)!)} ms, plain main ${Math.round(notIsolatedPlain.at(-1)!)} ms, ${ENGINES.map((e) => `engine ${e} ${Math.round(notIsolatedEngines[e].at(-1)!.total)} ms`).join(', ')}`,
      )
    }
    await page.evaluate(() => proofxBench.dispose())
    await page.close()

    // Visits 2..: the artifacts come from the Cache API; preload while "the form is filled", then click.
    const samples: ClickSample[] = []
    let secondVisit: BrowserBenchResult['secondVisit'] | undefined
    for (let i = 0; i < clickRuns; i++) {
      const before = hitsNow()
      const seenBefore = zkeyRequestsSeen
      page = await openBenchPage(context.newPage(), server, log)
      const preload = await page.evaluate(() => proofxBench.sdkPreload())
      const click = await clickToVerified(page)
      const downloads = hitsSince(before)
      const secondClick = await clickToVerified(page)
      const sample: ClickSample = { clickToVerifiedMs: click, secondClickMs: secondClick, preloadMs: preload.ms, downloads, coldPlainMs: NaN }
      secondVisit ??= { downloads: sample.downloads, zkeyRequestsSeenByBrowser: zkeyRequestsSeen - seenBefore }
      // Then, in the same page, plain snarkjs as a cold caller uses it: URLs, curve built on first use.
      sample.coldPlainMs = await page.evaluate(() => proofxBench.plainColdUrlProve())
      samples.push(sample)
      log(
        `browser visit ${i + 2}: preload ${Math.round(preload.ms)} ms, click-to-verified ${Math.round(click)} ms (second click ${Math.round(secondClick)} ms), cold plain fullProve ${Math.round(sample.coldPlainMs)} ms, artifact downloads ${JSON.stringify(sample.downloads)}`,
      )
      await page.evaluate(() => proofxBench.dispose())
      await page.close()
    }
    await context.close()

    const sdkSummary = summarize(sdk.map((t) => t.total))
    const plainMainSummary = summarize(plainMain)
    const plainWorkerSummary = summarize(plainWorker.map((p) => p.inWorker))
    const clickSummary = summarize(samples.map((s) => s.clickToVerifiedMs))
    const coldPlainSummary = summarize(samples.map((s) => s.coldPlainMs))
    return {
      chromium: browser.version(),
      build,
      cold: { ...cold, zkeyDownloads },
      crossOriginIsolated,
      engines: { isolated: engineSummaries(isolatedEngines), notIsolated: engineSummaries(notIsolatedEngines) },
      notIsolated: ratioOf(summarize(notIsolatedSdk), summarize(notIsolatedPlain)),
      memory: {
        baselineRssMiB: baselineRss,
        peakRssMiB: peakRss,
        afterRssMiB: afterRss,
        addedPeakMiB: Math.max(peakRss, afterRss) - baselineRss,
        mainHeapBeforeMiB: mainHeapBefore,
        mainHeapAfterMiB: mainHeapAfter,
        sdkProofs: 1 + memoryProofs,
      },
      warm: {
        sdk: sdkSummary,
        sdkSplit: medianOfFields(sdk),
        sdkOverhead: summarize(sdk.map(outsideWorkerStages)),
        plainMain: plainMainSummary,
        plainWorker: plainWorkerSummary,
        plainWorkerRoundTrip: summarize(plainWorker.map((p) => p.roundTrip)),
        ratioVsWorker: sdkSummary.median / plainWorkerSummary.median,
        ratioVsMain: sdkSummary.median / plainMainSummary.median,
      },
      secondVisit: secondVisit ?? { downloads: {}, zkeyRequestsSeenByBrowser: NaN },
      click: {
        samples,
        clickToVerified: clickSummary,
        secondClick: summarize(samples.map((s) => s.secondClickMs)),
        coldPlain: coldPlainSummary,
        ratio: clickSummary.median / coldPlainSummary.median,
      },
    }
  } finally {
    await browser.close()
    await server.close()
  }
}

const ENGINES: readonly ProvingEngine[] = ['proofx', 'snarkjs']

function engineSummaries(series: Record<ProvingEngine, ProofTimings[]>): Record<ProvingEngine, { summary: Summary; split: ProofTimings }> {
  const one = (t: ProofTimings[]) => ({ summary: summarize(t.map((x) => x.total)), split: medianOfFields(t) })
  return { proofx: one(series.proofx), snarkjs: one(series.snarkjs) }
}

/** The not-isolated page's SDK and plain summaries with their ratio of medians. */
function ratioOf(sdk: Summary, plainMain: Summary): BrowserBenchResult['notIsolated'] {
  return { sdk, plainMain, ratioVsMain: sdk.median / plainMain.median }
}

/** Clicks the page's button and returns the page-measured time from the click event to the verified proof. */
async function clickToVerified(page: Page): Promise<number> {
  await page.evaluate(() => proofxBench.armClick())
  await page.click('#prove')
  await page.waitForFunction(() => proofxBench.lastClick() !== undefined, undefined, { timeout: 0, polling: 50 })
  const click = await page.evaluate(() => proofxBench.lastClick())
  if (!click || 'error' in click) throw new Error(`click-to-proof failed: ${click && 'error' in click ? click.error : 'no result'}`)
  return click.ms
}

async function openBenchPage(pending: Promise<Page>, server: BenchServer, log: (line: string) => void, query = ''): Promise<Page> {
  const page = await pending
  page.on('pageerror', (error) => log(`browser page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') log(`browser console error: ${message.text()}`)
  })
  await page.goto(`${server.origin}/${query}`, { waitUntil: 'load' })
  await page.waitForFunction(() => typeof globalThis.proofxBench === 'object')
  return page
}

export type { Browser }
