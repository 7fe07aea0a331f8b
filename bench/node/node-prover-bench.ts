// Node: the SDK (createProver, worker thread + Comlink) against plain snarkjs.groth16.fullProve on the
// main thread with the artifacts as Uint8Array, warm against warm, runs interleaved so machine load hits both alike.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import * as snarkjs from 'snarkjs'
import { artifactsFromDirectory } from '@proofx/sdk/node'
import { createProver, terminateCurve, type ProofTimings, buildCircuitInput, computeScope, buildPolicy, validateProofInput } from '@proofx/sdk'
import { sampleCircuitInput, sampleProveArgs } from '../lib/sample-proof-input.js'
import { medianOfFields, outsideWorkerStages, summarize, type Summary } from '../lib/stats.js'

const artifactsDir = fileURLToPath(new URL('../../circuits/artifacts/', import.meta.url))

export type NodeProverResult = {
  preload: { loadArtifacts: number; warmCurve: number; wall: number }
  firstAfterPreload: ProofTimings
  sdk: Summary
  sdkSplit: ProofTimings
  /** total minus the worker's stages: input validation, policy tree and witness input on the calling thread, Comlink. */
  sdkOverhead: Summary
  /** validateProofInput + buildPolicy + buildCircuitInput alone, as prove() runs them before the worker. */
  inputPrep: Summary
  plain: Summary
  /** Plain snarkjs split into its two calls (wtns.calculate, groth16.prove), same inputs. */
  plainSplit: { witness: Summary; prove: Summary }
  /** Witness from a calculator built once (WebAssembly compiled once) instead of snarkjs.wtns.calculate. */
  cachedWitness: Summary
  ratio: number
}

export async function runNodeProverBench(runs: number, log: (line: string) => void): Promise<NodeProverResult> {
  const wasm = new Uint8Array(await readFile(`${artifactsDir}compliance.wasm`))
  const zkey = new Uint8Array(await readFile(`${artifactsDir}compliance.zkey`))
  const input = sampleCircuitInput()
  const args = sampleProveArgs()

  const prover = createProver({ artifacts: artifactsFromDirectory(artifactsDir) })
  try {
    const t0 = performance.now()
    const pre = await prover.preload()
    const preload = { loadArtifacts: pre.loadArtifacts, warmCurve: pre.warmCurve, wall: performance.now() - t0 }
    const firstAfterPreload = (await prover.prove(args)).timings
    log(`node: preload ${Math.round(preload.wall)} ms, first proof after preload ${Math.round(firstAfterPreload.total)} ms`)
    await snarkjs.groth16.fullProve(input, wasm, zkey) // warm-up: curve threads and JIT on the main thread

    const sdk: ProofTimings[] = []
    const plain: number[] = []
    for (let i = 0; i < runs; i++) {
      // Alternating which goes first, so neither always follows the other's garbage.
      const runSdk = async () => sdk.push((await prover.prove(args)).timings)
      const runPlain = async () => {
        const start = performance.now()
        await snarkjs.groth16.fullProve(input, wasm, zkey)
        plain.push(performance.now() - start)
      }
      for (const run of i % 2 ? [runPlain, runSdk] : [runSdk, runPlain]) await run()
      log(`node run ${i + 1}/${runs}: sdk ${Math.round(sdk.at(-1)!.total)} ms, plain ${Math.round(plain.at(-1)!)} ms`)
    }

    const witness: number[] = []
    const prove: number[] = []
    const cached: number[] = []
    const { WitnessCalculatorBuilder } = await import('circom_runtime')
    const calculator = await WitnessCalculatorBuilder(wasm)
    for (let i = 0; i < runs; i++) {
      const wtns: { type: 'mem'; data?: Uint8Array } = { type: 'mem' }
      let start = performance.now()
      await snarkjs.wtns.calculate(input, wasm, wtns)
      witness.push(performance.now() - start)
      start = performance.now()
      await snarkjs.groth16.prove(zkey, wtns)
      prove.push(performance.now() - start)
      start = performance.now()
      await calculator.calculateWTNSBin(input, true)
      cached.push(performance.now() - start)
    }

    const prep: number[] = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      const checked = validateProofInput({ credential: args.credential, policy: args.policy, now: args.now, subject: args.subject })
      buildCircuitInput({
        credential: checked.credential,
        policy: buildPolicy(checked.policy),
        now: checked.now,
        scope: computeScope(args.chainId, args.verifier),
      })
      prep.push(performance.now() - start)
    }

    const sdkSummary = summarize(sdk.map((t) => t.total))
    const plainSummary = summarize(plain)
    return {
      preload,
      firstAfterPreload,
      sdk: sdkSummary,
      sdkSplit: medianOfFields(sdk),
      sdkOverhead: summarize(sdk.map(outsideWorkerStages)),
      inputPrep: summarize(prep),
      plain: plainSummary,
      plainSplit: { witness: summarize(witness), prove: summarize(prove) },
      cachedWitness: summarize(cached),
      ratio: sdkSummary.median / plainSummary.median,
    }
  } finally {
    await prover.dispose()
    await terminateCurve()
  }
}
