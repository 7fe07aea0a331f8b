import { availableParallelism } from 'node:os'
import type { Hex } from 'viem'
import { type ArtifactSources, createProver, type EngineFallback, type Prover, type ProvingEngine } from '@proofx/sdk'
import type { ProofBackend, ProofBackendResult, ProofJob } from './proof-backend.js'

export type SdkProverBackendOptions = {
  /** wasm, zkey, vkey and manifest (sha256 checked on load; `integrity: false` for a setup without one, e.g. a drill's new zkey). */
  artifacts: ArtifactSources
  /** Provers (each one worker thread). Default: one per core. */
  size?: number | undefined
  /** The deployed verifier's vkeyHash: the service refuses to start on artifacts that do not match it. */
  expectedVkeyHash?: Hex | undefined
  /** Per-proof limit after which the SDK tears the worker down (a real cancel). */
  timeout?: number | undefined
  /** Groth16 prover in each worker: ProofX's engine (default) or snarkjs (the reference, for comparison). */
  engine?: ProvingEngine | undefined
  /** Told when a worker cannot start the engine and proves with snarkjs instead (the server logs it). */
  onFallback?: ((fallback: EngineFallback) => void) | undefined
}

/**
 * The proving pool built from the SDK's createProver: one prover (worker thread) per slot, artifacts
 * checked against the manifest and, when given, against the contract's verification-key hash. Each worker
 * runs ProofX's engine single-threaded: on a pool, one proof per core beats two threads per proof.
 */
export function createSdkProverBackend({
  artifacts,
  size = availableParallelism(),
  expectedVkeyHash,
  timeout,
  engine,
  onFallback,
}: SdkProverBackendOptions): ProofBackend {
  const provers: Prover[] = Array.from({ length: size }, () =>
    createProver({ artifacts, expectedVkeyHash, timeout, verify: false, cache: false, engine, engineThreads: 1, onFallback }),
  )
  const idle = [...provers]
  let warm: Promise<void> | undefined
  return {
    size,
    warmup: () => (warm ??= Promise.all(provers.map((p) => p.preload())).then(() => {})),
    async prove(job: ProofJob): Promise<ProofBackendResult> {
      // The server's queue never runs more than `size` jobs, so a prover is always free here.
      const prover = idle.pop()!
      try {
        const result = await prover.prove({ credential: job.credential, policy: job.policy, subject: job.subject, now: job.now, scope: job.scope })
        return { proof: result.proof, publicSignals: result.publicSignals }
      } finally {
        idle.push(prover)
      }
    },
    close: async () => {
      await Promise.all(provers.map((p) => p.dispose()))
    },
  }
}
