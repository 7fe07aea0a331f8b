// What dominates and what was done about it, with this run's numbers.
import type { BenchResults } from './bench-results.js'

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '?' : `${Math.round(v)} ms`)
const share = (part: number, total: number) => `${Math.round((part / total) * 100)}%`

export function speedFindings(r: BenchResults): string[] {
  const b = r.browser.ok ? r.browser.value : undefined
  const n = r.node.ok ? r.node.value : undefined
  const g = r.gas.ok ? r.gas.value : undefined
  const out: string[] = []

  if (b) {
    const s = b.warm.sdkSplit
    out.push(
      `**Proving dominates.** A warm SDK proof in Chromium is ${ms(s.total)}: groth16.prove ${ms(s.prove)} (${share(s.prove, s.total)}), witness ${ms(s.witness)}, verification ${ms(s.verify)}, everything outside the worker ${ms(b.warm.sdkOverhead.median)}. The domain is already the smallest the circuit fits (2^13); 2^12 would need under 4,096 constraints, which the EdDSA-Poseidon check alone nearly uses.`,
    )
    out.push(
      `**Chromium's curve threads were copying, not computing (fixed).** snarkjs's curve (ffjavascript) splits each of the 5 multi-exponentiations into ~29 bit-window tasks and posts every task to its threads with the same ~1 MB of points and scalars; about 170 posts per proof. On this machine a fresh large ArrayBuffer costs Chromium ~8 ms per 1.3 MB (page faults; \`buf.slice()\` alone measured 8.2 ms, the structured clone 8.1 ms, a transfer 0.3 ms), so a plain-snarkjs proof spends ~0.8 s of main-thread time in \`postMessage\` and its 2 threads bring no speed-up over 1. The SDK worker now wraps \`Worker\` for those threads (\`sdk/src/worker/share-curve-thread-buffers.ts\`): in a cross-origin isolated page each buffer is copied once into a SharedArrayBuffer every task reuses; elsewhere each task gets a transferred copy. Same page, warm: SDK ${ms(b.warm.sdk.median)} vs plain main thread ${ms(b.warm.plainMain.median)} isolated; SDK ${ms(b.notIsolated.sdk.median)} vs plain ${ms(b.notIsolated.plainMain.median)} without COOP/COEP. The demo (\`vite.config.ts\`) and the browser tests send \`crossOriginIsolationHeaders\` (exported by the SDK).`,
    )
    out.push(
      `**What is left for the 700 ms target is the prover itself.** ${n ? `Node proves the same statement in ${ms(n.sdk.median)} with the same wasm and 2 threads; ` : ''}Chromium stays above that because snarkjs also allocates fresh buffers in its own code (zkey sections, FFT results), each paying the page faults above. No faster in-browser Groth16 prover for circom's zkey is available from the npm registry here (the one arkworks-based package listed depends on a package the registry does not serve); the native rapidsnark (~0.2 s) only helps the hosted prover path.`,
    )
    out.push(
      `**\`preload()\`** fetches and checks the artifacts, compiles the witness wasm, starts the curve with its threads and runs one throwaway proof of a random witness (${ms(b.click.samples[0]?.preloadMs)} on a second visit): in a fresh worker the first proof is slower (wasm tier-up in each curve thread, memories growing), so this moves that cost off the click. The click then costs ${ms(b.click.clickToVerified.median)} against ${ms(b.warm.sdk.median)} for a warm proof late in a long series; the witness of the first real input (~100 ms more than a warm one) is still paid on the click. A second click on the same page took ${ms(b.click.secondClick.median)}: in every fresh page the second real proof is the slowest of the series (also with 0 or 2 warm-up proofs; measured while choosing the default).`,
    )
    out.push(
      `**Cold page**: ${ms(b.cold.sinceNavigationMs)} to the first proof, of which artifact download + sha256 ${ms(b.cold.timings.loadArtifacts)} and proving incl. building the curve and its threads ${ms(b.cold.timings.prove)}. Artifacts stay in the worker as bytes (warm proofs report artifact load ${ms(b.warm.sdkSplit.loadArtifacts)}) and a second visit takes them from the Cache API (${JSON.stringify(b.secondVisit.downloads)} requests).`,
    )
  }
  if (n) {
    out.push(
      `**Node**: the witness calculator is built once per worker (${ms(n.cachedWitness.median)} per witness vs ${ms(n.plainSplit.witness.median)} through \`wtns.calculate\`), which is most of the SDK's lead over plain \`fullProve\`. Input validation, the policy tree and the witness input cost ${ms(n.inputPrep.median)} on the calling thread per proof; memoizing \`buildPolicy\` per rules object and the signature check per credential would save most of it (not done).`,
    )
  }
  const e = r.engine.ok ? r.engine.value : undefined
  if (e) {
    const kinds = ['A', 'B1', 'B2', 'C', 'H'] as const
    const two = kinds.map((k) => `${k} ${e.msm[k].twoThreads.ratio.toFixed(2)}x`).join(', ')
    const speedUp = kinds.map((k) => `${k} ${(e.msm[k].oneThread.engine.median / e.msm[k].twoThreads.engine.median).toFixed(2)}x`).join(', ')
    out.push(
      `**The engine's MSMs** (sdk/engine-src/msm.h): GLV halves of 128 bits, signed-digit windows, bucket sums in batched affine additions (one inversion a batch), and the bucket reduction batched the same way: every window's buckets are cut into segments whose running sums advance side by side, ~2 affine additions a bucket instead of a Jacobian running sum a window (that reduction had been 15-35% of an MSM). The batch's running products and slopes skip their final subtraction (below 2p), and the G2 field product reduces its Karatsuba terms lazily (2 Montgomery reductions instead of 3). With 2 threads each MSM is split by windows, not bases: both threads hold every base, so neither reduces buckets the other also reduces (split by bases, each half still reduced all windows: 1 to 2 threads gained only 1.36-1.76x). This run, against snarkjs's threaded curve: ${two}; 1 to 2 threads: ${speedUp}. The price is memory: each thread keeps every base resident${b ? ` (the page adds ${Math.round(b.memory.addedPeakMiB * 1.048576)} MB while proving, within the 200 MB target)` : ''}.`,
    )
  }
  if (g) {
    const first = g.anvil.transactions[0]
    if (first)
      out.push(
        `**Gas**: a subject's submitProof transaction is ${first.gasUsed.toLocaleString('en-US')} gas on anvil against ${g.anvil.bareVerifyTransaction.toLocaleString('en-US')} for the bare verifier with the same proof (+${(first.gasUsed - g.anvil.bareVerifyTransaction).toLocaleString('en-US')}: proxy delegatecall, cold reads of the policy, issuer and revocation state, the record write, the event). Each public signal costs an ecMul + ecAdd (~6.2k) in the verifier, so the circuit has 4: subject, proof time and a 53-bit scope tag are packed into one \`context\` signal (from 6 signals and 296,773 gas), and the pause flag shares the storage slot submitProof reads anyway (-2,000).`,
      )
  }
  return out.map((finding, i) => `${i + 1}. ${finding}`)
}
