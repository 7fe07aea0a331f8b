import { cpus, loadavg } from 'node:os'
import * as snarkjs from 'snarkjs'

export type ProvingMeasurement = {
  /** Median wall time of groth16.fullProve (witness + proof), after one warm-up run. */
  provingTimeMs: number
  runs: number
  /** CPU, core count, node version and the 1-minute load average when measured (a busy machine proves slower). */
  machine: string
}

/** Times snarkjs groth16.fullProve of `input` on this machine: one warm-up (curve and wasm start-up), then `runs` timed. */
export async function measureProving({
  wasm,
  zkey,
  input,
  runs = 3,
}: {
  wasm: string
  zkey: string
  input: Record<string, unknown>
  runs?: number
}): Promise<ProvingMeasurement> {
  await snarkjs.groth16.fullProve(input, wasm, zkey)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await snarkjs.groth16.fullProve(input, wasm, zkey)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const cpu = cpus()
  return {
    provingTimeMs: Math.round(times[Math.floor(times.length / 2)]!),
    runs,
    machine: `${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown cpu'}, node ${process.version}, load average ${loadavg()[0]!.toFixed(1)}`,
  }
}
