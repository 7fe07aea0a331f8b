/** Warm proofs per measured series: env BENCH_RUNS (default 10, the minimum). */
export function benchRuns(): number {
  const raw = process.env.BENCH_RUNS
  if (raw === undefined || raw === '') return 10
  const runs = Number(raw)
  if (!Number.isInteger(runs) || runs < 1 || runs > 200) throw new Error(`BENCH_RUNS must be an integer in 1..200, got "${raw}"`)
  return runs
}
