import type { EngineBenchResult } from '../engine/engine-bench.js'
import type { BrowserBenchResult } from '../browser/browser-bench.js'
import type { GasBenchResult } from '../gas/gas-bench.js'
import type { MachineInfo } from '../lib/machine.js'
import type { NodeProverResult } from '../node/node-prover-bench.js'
import type { ServiceBenchResult } from '../service/service-bench.js'
import type { SizesResult } from '../sizes/artifact-sizes.js'

/** A section's figures, or why it could not be measured (the report says so instead of failing silently). */
export type Section<T> = { ok: true; value: T; seconds: number } | { ok: false; error: string; seconds: number }

export type BenchResults = {
  date: string
  runs: number
  machine: MachineInfo
  /** Load average when the run ended (the one in `machine` is from the start). */
  loadAverageEnd: [number, number, number]
  versions: Record<string, string>
  totalSeconds: number
  sizes: Section<SizesResult>
  gas: Section<GasBenchResult>
  node: Section<NodeProverResult>
  engine: Section<EngineBenchResult>
  browser: Section<BrowserBenchResult>
  service: Section<ServiceBenchResult>
}
