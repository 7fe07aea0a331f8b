// Production build of the bench page (SDK sources + snarkjs's browser build) with Vite, as an app would ship it.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

export const benchPageDir = fileURLToPath(new URL('../../.test-output/bench/page/', import.meta.url))

export type BenchPageBuild = { outDir: string; ms: number; jsBytes: number }

export async function buildBenchPage(): Promise<BenchPageBuild> {
  const started = performance.now()
  await build({
    configFile: false,
    logLevel: 'warn',
    root: fileURLToPath(new URL('./page/', import.meta.url)),
    base: '/',
    worker: { format: 'es' },
    build: { outDir: benchPageDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
  })
  return { outDir: benchPageDir, ms: performance.now() - started, jsBytes: sumJs(benchPageDir) }
}

function sumJs(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) total += sumJs(path)
    else if (name.endsWith('.js')) total += statSync(path).size
  }
  return total
}
