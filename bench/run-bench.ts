// `npm run bench`: measures proving (Chromium and Node, SDK vs plain snarkjs), gas, artifact sizes and the
// prover service on this machine, then writes BENCHMARKS.md. A benchmark, not a test: nothing asserts;
// the report says which of the targets are met.
//   BENCH_RUNS=10   warm proofs per series (default 10)
//   BENCH_ONLY=node,browser   run some sections only (results go to .test-output/bench/, BENCHMARKS.md is left alone)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { runBrowserBench } from './browser/browser-bench.js'
import { runGasBench } from './gas/gas-bench.js'
import { benchRuns } from './lib/bench-runs.js'
import { forgeVersion, machineInfo, packageVersion } from './lib/machine.js'
import { runNodeProverBench } from './node/node-prover-bench.js'
import { runEngineBench } from './engine/engine-bench.js'
import type { BenchResults, Section } from './report/bench-results.js'
import { renderBenchmarksMd } from './report/write-benchmarks-md.js'
import { runServiceBench } from './service/service-bench.js'
import { measureArtifactSizes } from './sizes/artifact-sizes.js'

const root = fileURLToPath(new URL('../', import.meta.url))
const outputDir = `${root}.test-output/bench/`
const SECTIONS = ['sizes', 'gas', 'node', 'engine', 'browser', 'service'] as const
type SectionName = (typeof SECTIONS)[number]

const only = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean)
for (const name of only ?? [])
  if (!SECTIONS.includes(name as SectionName)) throw new Error(`BENCH_ONLY: unknown section "${name}" (sections: ${SECTIONS.join(', ')})`)
const runs = benchRuns()
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)

async function measure<T>(name: SectionName, work: () => Promise<T> | T): Promise<Section<T>> {
  const started = performance.now()
  const seconds = () => (performance.now() - started) / 1000
  if (only && !only.includes(name)) return { ok: false, error: 'skipped (BENCH_ONLY)', seconds: 0 }
  log(`${name}: start`)
  try {
    const value = await work()
    log(`${name}: done in ${seconds().toFixed(1)} s`)
    return { ok: true, value, seconds: seconds() }
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    log(`${name}: FAILED after ${seconds().toFixed(1)} s: ${message}`)
    return { ok: false, error: message, seconds: seconds() }
  }
}

const started = performance.now()
const machine = machineInfo()
log(`${runs} warm proofs per series; ${machine.nproc} x ${machine.cpuModel}; load average ${machine.loadAverage.map((v) => v.toFixed(2)).join(' ')}`)

const sizes = await measure('sizes', measureArtifactSizes)
const gas = await measure('gas', runGasBench)
const node = await measure('node', () => runNodeProverBench(runs, log))
const engine = await measure('engine', () => runEngineBench(runs, log))
const browser = await measure('browser', () => runBrowserBench(runs, Math.min(3, runs), log))
const service = await measure('service', () => runServiceBench(Math.max(2, Math.round(runs / 4)), 180, log))

const manifest = JSON.parse(readFileSync(`${root}circuits/artifacts/manifest.json`, 'utf8'))
const results: BenchResults = {
  date: new Date().toISOString(),
  runs,
  machine,
  loadAverageEnd: loadavg() as [number, number, number],
  versions: {
    node: process.version,
    snarkjs: packageVersion('snarkjs'),
    '@proofx/sdk': JSON.parse(readFileSync(`${root}sdk/package.json`, 'utf8')).version,
    chromium: browser.ok ? browser.value.chromium : 'not run',
    'playwright-core': packageVersion('playwright-core'),
    vite: packageVersion('vite'),
    forge: gas.ok ? forgeVersion() : 'not run',
    circom: manifest.tools?.circom ?? 'unknown',
  },
  totalSeconds: (performance.now() - started) / 1000,
  sizes,
  gas,
  node,
  engine,
  browser,
  service,
}

mkdirSync(outputDir, { recursive: true })
writeFileSync(`${outputDir}results.json`, `${JSON.stringify(results, null, 2)}\n`)
const markdown = renderBenchmarksMd(results)
if (only) {
  writeFileSync(`${outputDir}BENCHMARKS.partial.md`, markdown)
  log(`partial run: wrote ${outputDir}BENCHMARKS.partial.md and results.json (BENCHMARKS.md untouched)`)
} else {
  writeFileSync(`${root}BENCHMARKS.md`, markdown)
  log(`wrote BENCHMARKS.md and ${outputDir}results.json in ${results.totalSeconds.toFixed(0)} s`)
}
// snarkjs's curve threads and the workers are ended by each section; exit explicitly in case one lingers.
process.exit(0)
