/// <reference path="../types/snarkjs.d.ts" />
/// <reference path="../prover/snarkjs-curves.d.ts" />
import { WitnessCalculatorBuilder } from 'circom_runtime'
import * as snarkjs from 'snarkjs'
import { loadArtifacts } from '../artifacts/load-artifacts.js'
import type { ArtifactSource, ArtifactSources, LoadArtifactsOptions, LoadedArtifacts, PublishedArtifactSet } from '../artifacts/types.js'
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
export type WorkerArtifactSources =
  | (Omit<ArtifactSources, 'wasm' | 'zkey' | 'vkey' | 'manifest'> & {
      wasm: string | Uint8Array
      zkey: string | Uint8Array
      vkey: string | Uint8Array | VerificationKey
      manifest?: string | Uint8Array | ArtifactSources['manifest'] | undefined
    })
  | { manifest: string }

export type WorkerLoadOptions = {
  cache?: LoadArtifactsOptions['cache']
  /** Which artifact set: the worker keeps each set's bytes, witness calculator and engine apart. Default 'default'. */
  set?: string | undefined
  /** The verification-key hash the set is known by (checked once its key is loaded). */
  vkeyHash?: LoadArtifactsOptions['vkeyHash']
  /** ProofX engine threads for this set (1 or 2). Default `defaultEngineThreads()`: 2 where memory can be shared. */
  engineThreads?: 1 | 2 | undefined
}

// A dApp moving from one circuit version to the next holds two sets; more would only be memory held for nothing.
const MAX_SETS = 2

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

type SetState = {
  artifacts: Promise<LoadedArtifacts>
  // Compiling the 3.8 MB witness wasm (and its memory) once saves ~200 ms per proof over snarkjs.wtns.calculate.
  calculator?: Promise<WitnessCalculator> | undefined
  // The engine keeps the zkey's sections decoded in its own memory across proofs.
  engine?: Promise<Groth16Engine> | undefined
  engineThreads?: 1 | 2 | undefined
}

export function createProverWorkerApi() {
  // The loaded artifact sets, least recently used first.
  const sets = new Map<string, SetState>()
  // The set the last load or proof used: what warm() and verify() without a key work with.
  let current: SetState | undefined
  // Set when the engine cannot start here (no WebAssembly memory, a module the runtime refuses): snarkjs proves instead.
  let engineUnavailable: unknown
  const now = () => performance.now()

  function ensureCalculator(state: SetState, wasm: Uint8Array): Promise<WitnessCalculator> {
    if (!state.calculator) {
      const calculator = WitnessCalculatorBuilder(wasm) as Promise<WitnessCalculator>
      state.calculator = calculator
      calculator.catch(() => (state.calculator = undefined))
    }
    return state.calculator
  }

  function ensureEngine(state: SetState, zkey: Uint8Array): Promise<Groth16Engine> {
    if (!state.engine) {
      const engine = createGroth16Engine(zkey, { threads: state.engineThreads })
      state.engine = engine
      engine.catch(() => (state.engine = undefined))
    }
    return state.engine
  }

  /** The engine, or undefined once it failed to start (a zkey it cannot read is the caller's error, not a reason to fall back). */
  async function engineOrFallback(state: SetState, zkey: Uint8Array): Promise<Groth16Engine | undefined> {
    if (engineUnavailable) return undefined
    try {
      return await ensureEngine(state, zkey)
    } catch (error) {
      if (error instanceof ZkeyFormatError) throw error
      engineUnavailable = error
      return undefined
    }
  }

  /** Which engine proves for a request of `kind`, and why not the requested one (serialized for the caller). */
  const engineUsed = (kind: ProvingEngine) =>
    kind === 'proofx' && engineUnavailable ? { engine: 'snarkjs' as const, fallback: serializeError(engineUnavailable) } : { engine: kind, fallback: undefined }

  async function groth16Prove(state: SetState, kind: ProvingEngine, zkey: Uint8Array, wtns: Uint8Array) {
    const e = kind === 'proofx' ? await engineOrFallback(state, zkey) : undefined
    if (!e) return snarkjs.groth16.prove(zkey, wtns)
    const { proof, publicSignals } = await e.prove(wtns)
    return { proof, publicSignals }
  }

  async function release(state: SetState) {
    await (await state.engine?.catch(() => undefined))?.terminate()
  }

  // Loads each set once; later calls reuse the bytes (snarkjs would re-fetch URLs on every proof).
  function ensureLoaded(sources: WorkerArtifactSources, options: WorkerLoadOptions, onProgress?: ProgressCallback, started = now()): SetState {
    const key = options.set ?? 'default'
    let state = sets.get(key)
    if (state)
      sets.delete(key) // re-inserted below as the most recently used
    else {
      const artifacts = loadArtifacts(sources as ArtifactSources | PublishedArtifactSet, {
        cache: options.cache,
        vkeyHash: options.vkeyHash,
        onProgress: onProgress && ((artifact) => onProgress({ stage: 'loading-artifacts', elapsed: now() - started, artifact })),
      })
      const created: SetState = { artifacts, engineThreads: options.engineThreads }
      state = created
      artifacts.catch(() => sets.get(key) === created && sets.delete(key)) // a failed load may be retried
    }
    sets.set(key, state)
    for (const [oldest, evicted] of sets) {
      if (sets.size <= MAX_SETS) break
      sets.delete(oldest)
      void release(evicted)
    }
    current = state
    return state
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

    /** Loads and checks an artifact set; returns its vkey hash and the milliseconds it took. */
    async load(sources: WorkerArtifactSources, options: WorkerLoadOptions, onProgress?: ProgressCallback) {
      const t0 = now()
      const state = ensureLoaded(sources, options, onProgress, t0)
      const loaded = await state.artifacts
      await ensureCalculator(state, loaded.wasm)
      return { vkeyHash: loaded.vkeyHash, vkey: loaded.vkey, version: loaded.version, ms: now() - t0 }
    },

    /**
     * Builds the multithreaded BN254 curve now, then runs `proofs` throwaway proofs of a random witness once the
     * artifacts are loaded: the first proofs in a fresh worker are slower (wasm tier-up in every curve thread,
     * memories growing), so a click after preload then costs a warm proof.
     */
    async warm(proofs = 0, kind: ProvingEngine = DEFAULT_PROVING_ENGINE): Promise<WorkerWarmResult> {
      const t0 = now()
      const state = current
      if (kind === 'snarkjs') await snarkjs.curves.getCurveFromName('bn128')
      else if (state) await engineOrFallback(state, (await state.artifacts).zkey)
      if (proofs > 0 && state) {
        const { wasm, zkey } = await state.artifacts
        const calculator = await ensureCalculator(state, wasm)
        for (let i = 0; i < proofs; i++) await groth16Prove(state, kind, zkey, syntheticWitness(calculator))
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
      const state = ensureLoaded(sources, options, onProgress, started)
      const { wasm, zkey, vkey, vkeyHash } = await state.artifacts
      const loadArtifacts = now() - loadStart
      const w = await timed(
        'witness',
        started,
        onProgress,
        async () => {
          try {
            return await (await ensureCalculator(state, wasm)).calculateWTNSBin(input, true)
          } catch (error) {
            state.calculator = undefined // circom_runtime keeps failed runs' messages: start clean next time
            throw error
          }
        },
        'computing the witness',
      )
      const kind = options.engine ?? DEFAULT_PROVING_ENGINE
      const p = await timed('proving', started, onProgress, () => groth16Prove(state, kind, zkey, w.value), 'proving')
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

    /** Checks a proof with `vkey`, else with the loaded set whose key hashes to `vkeyHash`, else the set last used. */
    async verify(proof: Groth16Proof, publicSignals: string[], vkey?: VerificationKey, vkeyHash?: string) {
      let key = vkey
      if (!key && vkeyHash)
        for (const state of sets.values()) {
          const loaded = await state.artifacts.catch(() => undefined)
          if (loaded?.vkeyHash === vkeyHash.toLowerCase()) key = loaded.vkey
        }
      key ??= (await current?.artifacts.catch(() => undefined))?.vkey
      if (!key) throw new ProofGenerationError({ stage: 'verifying', cause: new Error('no verification key loaded') })
      return snarkjs.groth16.verify(key, publicSignals, proof)
    },

    /** Ends the curve's worker threads so the worker (and a Node process) can exit. */
    async dispose() {
      const loaded = [...sets.values()]
      sets.clear()
      current = undefined
      await Promise.all(loaded.map(release))
      const curve = (globalThis as { curve_bn128?: Curve | null }).curve_bn128
      if (curve) await curve.terminate()
    },
  }
}

export type { ArtifactSource }
