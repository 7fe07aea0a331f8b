// Memory of the bench page, seen two ways: the resident set of Chromium's renderer processes (the page's
// main thread, its workers and snarkjs's curve threads all live in the renderer, WebAssembly memory
// included), sampled from /proc; and the main thread's JS heap from CDP Performance.getMetrics.
import { readFileSync } from 'node:fs'
import type { Browser, CDPSession, Page } from 'playwright-core'

export type MemorySampler = {
  /** Sum of VmRSS over the renderer processes, MiB. */
  rendererRss(): Promise<number>
  /** JSHeapUsedSize of the page's main thread, MiB. */
  mainHeap(page: Page): Promise<number>
  /** Samples rendererRss every `everyMs` until stopped; resolves the peak. */
  watchPeak(everyMs?: number): { stop(): Promise<number> }
}

const MiB = 2 ** 20

export async function createMemorySampler(browser: Browser): Promise<MemorySampler> {
  const session: CDPSession = await browser.newBrowserCDPSession()
  const rendererPids = async () => {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo' as never)) as unknown as { processInfo: { type: string; id: number }[] }
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id)
  }
  const rss = (pid: number) => {
    try {
      const kb = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0)
      return (kb * 1024) / MiB
    } catch {
      return 0 // the process ended between listing and reading
    }
  }
  const rendererRss = async () => (await rendererPids()).reduce((sum, pid) => sum + rss(pid), 0)
  return {
    rendererRss,
    async mainHeap(page) {
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Performance.enable')
      const { metrics } = await cdp.send('Performance.getMetrics')
      await cdp.detach()
      return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / MiB
    },
    watchPeak(everyMs = 200) {
      let peak = 0
      let running = true
      const loop = (async () => {
        while (running) {
          peak = Math.max(peak, await rendererRss())
          await new Promise((resolve) => setTimeout(resolve, everyMs))
        }
      })()
      return {
        async stop() {
          running = false
          await loop
          return peak
        },
      }
    },
  }
}
