/// <reference path="../types/snarkjs.d.ts" />
/// <reference path="../prover/snarkjs-curves.d.ts" />
import { WitnessCalculatorBuilder } from 'circom_runtime'
import * as snarkjs from 'snarkjs'
import { loadArtifacts } from '../artifacts/load-artifacts.js'
import type { ArtifactSource, ArtifactSources, LoadArtifactsOptions, LoadedArtifacts } from '../artifacts/types.js'
import type { VerificationKey } from '../artifacts/hash-verification-key.js'
import { WitnessFormatError, ZkeyFormatError } from '../errors/engine.js'
import { ProofGenerationError } from '../errors/prover.js'
import { serializeError, type SerializedError } from '../errors/serialize-error.js'
import type { ComplianceCircuitInput } from '../credentials/build-circuit-input.js'
import type { Groth16Proof, ProofProgress, ProofStage } from '../prover/types.js'
import { syntheticWitness } from './synthetic-witness.js'
import { createGroth16Engine, type Groth16Engine } from '../engine/groth16-engine.js'
import { DEFAULT_PROVING_ENGINE, type ProvingEngine } from '../prover/proving-engine.js'

export type { ProvingEngine }

/** Artifact sources as they cross the worker boundary (URL objects are not cloneable). */
export type WorkerArtifactSources = Omit<ArtifactSources, 'wasm' | 'zkey' | 'vkey' | 'manifest'> & {
  wasm: string | Uint8Array
  zkey: string | Uint8Array
  vkey: string | Uint8Array | VerificationKey
  manifest?: string | Uint8Array | ArtifactSources['manifest'] | undefined
}

export type WorkerLoadOptions = { cache?: LoadArtifactsOptions['cache'] }

export type WorkerProveResult = {
  proof: Groth16Proof
  publicSignals: string[]
  vkeyHash: `0x${string}`
  timings: { loadArtifacts: number; witness: number; prove: number; verify: number }
  /** The engine that made this proof. */
  engine: ProvingEngine
  /** Why the requested engine could not start, when snarkjs proved in its place. */
  fallback?: SerializedError | undefined
}

/** What warm() did: milliseconds, the engine now in use, and why not the requested one. */
export type WorkerWarmResult = { ms: number; engine: ProvingEngine; fallback?: SerializedError | undefined }

type ProgressCallback = (progress: ProofProgress) => void | Promise<void>

/** What the proving worker exposes through Comlink. Lives in the worker; holds the artifacts in memory. */
export type ProverWorkerApi = ReturnType<typeof createProverWorkerApi>

type Curve = { terminate(): Promise<void> }
type WitnessCalculator = { calculateWTNSBin(input: unknown, sanityCheck?: boolean): Promise<Uint8Array>; witnessSize: number; n32: number; prime: bigint }

export function createProverWorkerApi() {
  let artifacts: Promise<LoadedArtifacts> | undefined
  // Compiling the 3.8 MB witness wasm (and its memory) once saves ~200 ms per proof over snarkjs.wtns.calculate.
  let calculator: Promise<WitnessCalculator> | undefined
  // The engine keeps the zkey's sections decoded in its own memory across proofs.
  let engine: Promise<Groth16Engine> | undefined
  // Set when the engine cannot start here (no WebAssembly memory, a module the runtime refuses): snarkjs proves instead.
  let engineUnavailable: unknown
  const now = () => performance.now()

  function ensureCalculator(wasm: Uint8Array): Promise<WitnessCalculator> {
    if (!calculator) {
      calculator = WitnessCalculatorBuilder(wasm) as Promise<WitnessCalculator>
      calculator.catch(() => (calculator = undefined))
    }
    return calculator
  }

  function ensureEngine(zkey: Uint8Array): Promise<Groth16Engine> {
    if (!engine) {
      engine = createGroth16Engine(zkey)
      engine.catch(() => (engine = undefined))
    }
    return engine
  }

  /** The engine, or undefined once it failed to start (a zkey it cannot read is the caller's error, not a reason to fall back). */
  async function engineOrFallback(zkey: Uint8Array): Promise<Groth16Engine | undefined> {
    if (engineUnavailable) return undefined
    try {
      return await ensureEngine(zkey)
    } catch (error) {
      if (error instanceof ZkeyFormatError) throw error
      engineUnavailable = error
      return undefined
    }
  }

  /** Which engine proves for a request of `kind`, and why not the requested one (serialized for the caller). */
  const engineUsed = (kind: ProvingEngine) =>
    kind === 'proofx' && engineUnavailable ? { engine: 'snarkjs' as const, fallback: serializeError(engineUnavailable) } : { engine: kind, fallback: undefined }

  async function groth16Prove(kind: ProvingEngine, zkey: Uint8Array, wtns: Uint8Array) {
    const e = kind === 'proofx' ? await engineOrFallback(zkey) : undefined
    if (!e) return snarkjs.groth16.prove(zkey, wtns)
    const { proof, publicSignals } = await e.prove(wtns)
    return { proof, publicSignals }
  }

  // Loads once; later calls reuse the bytes (snarkjs would re-fetch URLs on every proof).
  async function ensureLoaded(sources: WorkerArtifactSources, options: WorkerLoadOptions, onProgress?: ProgressCallback, started = now()) {
    if (!artifacts) {
      artifacts = loadArtifacts(sources as ArtifactSources, {
        cache: options.cache,
        onProgress: onProgress && ((artifact) => onProgress({ stage: 'loading-artifacts', elapsed: now() - started, artifact })),
      })
      artifacts.catch(() => (artifacts = undefined)) // a failed load may be retried
    }
    return artifacts
  }

  async function timed<T>(stage: ProofStage, started: number, onProgress: ProgressCallback | undefined, work: () => Promise<T>, failure: string) {
    onProgress?.({ stage, elapsed: now() - started })
    const t0 = now()
    try {
      return { value: await work(), ms: now() - t0 }
    } catch (cause) {
      // The engine's own typed errors name the bad field of the zkey or witness: passed on as they are.
      if (cause instanceof ZkeyFormatError || cause instanceof WitnessFormatError) throw cause
      throw new ProofGenerationError({ stage: failure, cause })
    }
  }

  return {
    ping: () => 'ready' as const,

    /** Loads and checks the artifacts; returns their vkey hash and the milliseconds it took. */
    async load(sources: WorkerArtifactSources, options: WorkerLoadOptions, onProgress?: ProgressCallback) {
      const t0 = now()
      const loaded = await ensureLoaded(sources, options, onProgress, t0)
      await ensureCalculator(loaded.wasm)
      return { vkeyHash: loaded.vkeyHash, vkey: loaded.vkey, version: loaded.version, ms: now() - t0 }
    },

    /**
     * Builds the multithreaded BN254 curve now, then runs `proofs` throwaway proofs of a random witness once the
     * artifacts are loaded: the first proofs in a fresh worker are slower (wasm tier-up in every curve thread,
     * memories growing), so a click after preload then costs a warm proof.
     */
    async warm(proofs = 0, kind: ProvingEngine = DEFAULT_PROVING_ENGINE): Promise<WorkerWarmResult> {
      const t0 = now()
      if (kind === 'snarkjs') await snarkjs.curves.getCurveFromName('bn128')
      else if (artifacts) await engineOrFallback((await artifacts).zkey)
      if (proofs > 0 && artifacts) {
        const { wasm, zkey } = await artifacts
        const calculator = await ensureCalculator(wasm)
        for (let i = 0; i < proofs; i++) await groth16Prove(kind, zkey, syntheticWitness(calculator))
      }
      return { ms: now() - t0, ...engineUsed(kind) }
    },

    async prove(
      sources: WorkerArtifactSources,
      options: WorkerLoadOptions & { verify: boolean; engine?: ProvingEngine | undefined },
      input: ComplianceCircuitInput,
      onProgress?: ProgressCallback,
    ): Promise<WorkerProveResult> {
      const started = now()
      const loadStart = now()
      const { wasm, zkey, vkey, vkeyHash } = await ensureLoaded(sources, options, onProgress, started)
      const loadArtifacts = now() - loadStart
      const w = await timed(
        'witness',
        started,
        onProgress,
        async () => {
          try {
            return await (await ensureCalculator(wasm)).calculateWTNSBin(input, true)
          } catch (error) {
            calculator = undefined // circom_runtime keeps failed runs' messages: start clean next time
            throw error
          }
        },
        'computing the witness',
      )
      const kind = options.engine ?? DEFAULT_PROVING_ENGINE
      const p = await timed('proving', started, onProgress, () => groth16Prove(kind, zkey, w.value), 'proving')
      let verify = 0
      if (options.verify) {
        const v = await timed('verifying', started, onProgress, () => snarkjs.groth16.verify(vkey, p.value.publicSignals, p.value.proof), 'verifying')
        if (!v.value) throw new ProofGenerationError({ stage: 'verifying', cause: new Error('the proof does not verify against the verification key') })
        verify = v.ms
      }
      // Awaited: through Comlink this resolves once the caller has handled every earlier event, so no
      // progress event arrives after the result.
      await onProgress?.({ stage: 'done', elapsed: now() - started })
      return {
        proof: p.value.proof,
        publicSignals: p.value.publicSignals,
        vkeyHash,
        timings: { loadArtifacts, witness: w.ms, prove: p.ms, verify },
        ...engineUsed(kind),
      }
    },

    async verify(proof: Groth16Proof, publicSignals: string[], vkey?: VerificationKey) {
      const key = vkey ?? (await artifacts)?.vkey
      if (!key) throw new ProofGenerationError({ stage: 'verifying', cause: new Error('no verification key loaded') })
      return snarkjs.groth16.verify(key, publicSignals, proof)
    },

    /** Ends the curve's worker threads so the worker (and a Node process) can exit. */
    async dispose() {
      artifacts = undefined
      calculator = undefined
      const running = engine
      engine = undefined
      await (await running?.catch(() => undefined))?.terminate()
      const curve = (globalThis as { curve_bn128?: Curve | null }).curve_bn128
      if (curve) await curve.terminate()
    },
  }
}

export type { ArtifactSource }
