// What dominates and what to change, with this run's numbers. Code references point at the SDK as it is
// now (the bench does not edit SDK files; the owners apply the fixes).
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
    out.push(`**Proving dominates.** In Chromium a warm SDK proof is ${ms(s.total)}: groth16.prove ${ms(s.prove)} (${share(s.prove, s.total)}), witness ${ms(s.witness)}, verification ${ms(s.verify)}, everything outside the worker ${ms(b.warm.sdkOverhead.median)}. The domain is already the smallest the circuit fits (8,142 constraints < 2^13); 2^12 would need < 4,096 constraints, which the EdDSA-Poseidon check alone nearly uses. snarkjs already proves on all cores here (its curve threads follow \`navigator.hardwareConcurrency\`). Once findings 2 and the preload fix are in, a warm proof is groth16.prove-bound and the remaining lever for the 700 ms target is the hardware (the reference plain snarkjs is 1.3–1.4 s in Chromium on a quiet 2-core machine) — in-browser there is no faster prover than snarkjs's wasm; a hosted rapidsnark (~0.2 s) would serve the service path.`)
  }
  if (n) {
    const saved = n.plainSplit.witness.median - n.cachedWitness.median
    out.push(`**The witness wasm is recompiled on every proof** — \`sdk/src/worker/prover-worker-api.ts\`, \`prove()\`: \`snarkjs.wtns.calculate(input, wasm, witness)\` goes through circom_runtime's \`WitnessCalculatorBuilder\`, which runs \`WebAssembly.compile\` on the 3.8 MB wasm and reserves a new 2 GiB WebAssembly.Memory each call. Measured in Node: \`wtns.calculate\` ${ms(n.plainSplit.witness.median)} vs ${ms(n.cachedWitness.median)} with a calculator built once (**${ms(saved)} per proof**). Fix: in \`ensureLoaded\` also build \`WitnessCalculatorBuilder(wasm)\` (import from \`circom_runtime\`, add it to sdk/package.json at 0.1.28, the version snarkjs 0.7.6 uses) and keep it with the artifacts; per proof \`const wtns = await calculator.calculateWTNSBin(input, true)\` then \`snarkjs.groth16.prove(zkey, wtns)\`. Plain \`fullProve\` cannot have this saving (it takes bytes, not a module), so it widens the SDK's margin over plain snarkjs.`)
    out.push(`**Input preparation on the calling thread every call** — \`sdk/src/prover/create-prover.ts\`, \`prove()\`: \`validateProofInput\` re-checks the EdDSA signature (BigInt BabyJubJub arithmetic) and \`buildPolicy(rules)\` rebuilds the jurisdiction LeanIMT (Poseidon) whenever the caller passes rules rather than a built \`Policy\` (the demo and README do). Measured in Node: ${ms(n.inputPrep.median)} median; SDK time outside the worker's stages ${ms(n.sdkOverhead.median)} in Node${b ? `, ${ms(b.warm.sdkOverhead.median)} in Chromium` : ''}. Fix: memoize \`buildPolicy\` per rules object (a WeakMap in create-prover.ts) and the signature check per credential object; both are pure.`)
  }
  out.push(`**Two worker round trips per proof** — \`create-prover.ts\` \`prove()\` calls \`checkVkey(api, progress)\` (\`api.load\`) before \`api.prove\`, which loads again through \`ensureLoaded\`. Small (one Comlink message and a proxied progress callback each), but it is per proof: check the vkey hash once per worker session (in \`preload\`/the first call) and send one \`api.prove\`.`)
  if (b) {
    out.push(`**Artifacts and curve stay warm in the worker** (checked): warm SDK proofs report artifact load ${ms(b.warm.sdkSplit.loadArtifacts)}; a second visit answered ${JSON.stringify(b.secondVisit.downloads)} requests (the zkey and wasm come from the Cache API, the manifest is re-read). snarkjs's own threads are on in the SDK worker (\`navigator.hardwareConcurrency\` / \`os.cpus()\` curve threads, as in plain snarkjs), so the SDK proves as parallel as plain snarkjs does; on 2 cores there is little more to gain there.`)
    out.push(`**Cold page**: ${ms(b.cold.sinceNavigationMs)} to the first proof, of which artifact download + sha256 ${ms(b.cold.timings.loadArtifacts)} and proving (incl. building the curve and its threads) ${ms(b.cold.timings.prove)}. \`preload()\` while the form is filled moves both off the click (click to verified ${ms(b.click.clickToVerified.median)} vs cold plain ${ms(b.click.coldPlain.median)}).`)
  }
  if (b || n) {
    const browserPart = b ? `Chromium: first click after \`preload()\` ${ms(b.click.clickToVerified.median)}, a second click on the same page ${ms(b.click.secondClick.median)}, warm series ${ms(b.warm.sdk.median)}` : ''
    const nodePart = n ? `Node: first proof after \`preload()\` ${ms(n.firstAfterPreload.total)}, warm ${ms(n.sdk.median)}` : ''
    out.push(`**\`preload()\` warms the curve, not the proving code** — \`sdk/src/worker/prover-worker-api.ts\` \`warm()\` only calls \`snarkjs.curves.getCurveFromName('bn128')\` (threads started, curve wasm instantiated). The first proof after it still compiles the 3.8 MB witness wasm and runs each curve thread's multiexp/FFT code for the first time (V8 compiles wasm lazily and tiers hot functions up on use, per thread: every thread compiles its own module). Measured — ${[browserPart, nodePart].filter(Boolean).join('; ')}. Where the first is clearly slower than the warm figure, the fix is: in \`warm()\` run one throwaway proof of a built-in sample input (e.g. the demo issuer's credential against a demo policy; the result is discarded, so the key does not matter) and build the witness calculator once (finding 2), so the click costs a warm proof. This is the lever for the click-to-proof target.`)
  }
  if (g) {
    const bare = g.logged['Groth16Verifier.verifyProof gas']
    const submit = g.logged['submitProof (subject, new record) gas']
    if (bare !== undefined && submit !== undefined)
      out.push(`**Gas**: the bare pairing check is ${bare.toLocaleString('en-US')} gas cold (~6k per public signal in its MSM; 6 signals), submitProof ${submit.toLocaleString('en-US')} (+${(submit - bare).toLocaleString('en-US')}: proxy delegatecall, cold storage reads of policy/issuer/revocation, the record and nullifier writes, the event). A transaction adds ${g.submitIntrinsic.toLocaleString('en-US')} (21,000 + calldata). Levers: fewer public signals (subject and now could be folded into a hash the contract recomputes), fewer cold SLOADs by packing policy + issuer state into one slot.`)
  }
  return out.map((finding, i) => `${i + 1}. ${finding}`)
}
