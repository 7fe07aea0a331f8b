/** Summary of repeated timings (ms). p95 uses the nearest-rank method, so with 10 runs it is the slowest but one… or the max. */
export type Summary = { n: number; median: number; p95: number; min: number; max: number; mean: number }

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0) return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN, mean: NaN }
  const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2
  return { n, median, p95: rank(0.95), min: sorted[0]!, max: sorted[n - 1]!, mean: sorted.reduce((a, b) => a + b, 0) / n }
}

/** Median of each field over a list of records with the same numeric fields. */
export function medianOfFields<K extends string>(rows: readonly Record<K, number>[]): Record<K, number> {
  const keys = Object.keys(rows[0] ?? {}) as K[]
  return Object.fromEntries(keys.map((k) => [k, summarize(rows.map((r) => r[k])).median])) as Record<K, number>
}

/** Milliseconds of an SDK proof spent outside the worker's stages (calling thread + messaging). */
export const outsideWorkerStages = (t: { total: number; loadArtifacts: number; witness: number; prove: number; verify: number }) =>
  t.total - t.loadArtifacts - t.witness - t.prove - t.verify
