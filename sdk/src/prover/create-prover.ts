import * as Comlink from 'comlink'
import { isAddress, type Address, type Hex } from 'viem'
import { defaultArtifacts } from '../artifacts/default-artifacts.js'
import type { VerificationKey } from '../artifacts/hash-verification-key.js'
import { isNode } from '../artifacts/is-node.js'
import type { ArtifactSource, ArtifactSources, LoadArtifactsOptions, ProverArtifacts, PublishedArtifactSet } from '../artifacts/types.js'
import { assertVerificationKeyMatches } from '../artifacts/assert-verification-key-matches.js'
import { isArtifactCatalog, parseArtifactCatalog, parseVkeyHash, selectArtifactSet } from '../artifacts/select-artifact-set.js'
import { toProofXProof } from '../chain/to-proofx-proof.js'
import { buildCircuitInput } from '../credentials/build-circuit-input.js'
import { computeScope } from '../credentials/compute-scope.js'
import { CURRENT_CIRCUIT_VERSION, type CircuitVersion } from '../credentials/circuit-version.js'
import type { PolicyRules, SignedCredential } from '../credentials/types.js'
import { ProofCancelledError, ProverDisposedError, type ProofGenerationError, type ProofTimeoutError, type WorkerCrashedError } from '../errors/prover.js'
import { ArtifactFetchError, VerificationKeyNotAvailableError, type ArtifactIntegrityError, type VerificationKeyMismatchError } from '../errors/artifacts.js'
import { InvalidInputError, type ValidationErrorType } from '../errors/validation.js'
import { EngineUnavailableError, type WitnessFormatError, type ZkeyFormatError } from '../errors/engine.js'
import { deserializeError, type SerializedError } from '../errors/serialize-error.js'
import { installErrorTransferHandler } from '../errors/transfer-handler.js'
import { buildPolicy, type Policy } from '../policies/build-policy.js'
import { parseChainId } from '../validation/parse-input.js'
import { validateProofInput } from '../validation/validate-proof-input.js'
import type { ProverWorkerApi, WorkerArtifactSources } from '../worker/prover-worker-api.js'
import { DEFAULT_PROVING_ENGINE, type ProvingEngine } from './proving-engine.js'
import type { WorkerHandle } from '../worker/worker-handle.js'
import { raceCall } from './race-call.js'
import { namePublicSignals, signalToAddress } from './to-calldata.js'
import type { ProofProgress, ProveReturnType } from './types.js'

export type CreateProverParameters = {
  /**
   * Where wasm, zkey, vkey and manifest come from. Default: the artifacts shipped with the package. One set
   * (`{ wasm, zkey, vkey, manifest }`), or a catalog of sets known by verification-key hash (`{ sets, baseUrl }`):
   * each proof then uses the set of the key the verifier contract reports (`vkeyHash` of `prove`, which
   * `proveForVerifier` and `useProve` read from the contract).
   */
  artifacts?: ProverArtifacts | undefined
  /** Cache API bucket for downloads (browsers); false to disable. Default "proofx-artifacts". */
  cache?: LoadArtifactsOptions['cache']
  /** Milliseconds before a proof is abandoned and its worker torn down. Default 120000; 0 disables. */
  timeout?: number | undefined
  /** Verify each proof in the worker before returning it. Default true. */
  verify?: boolean | undefined
  /**
   * Verification-key hash the contract reports (`vkeyHash()`; the SDK's `getVerificationKeyHash` action reads it): proving is refused with
   * VerificationKeyMismatchError when the artifacts' key differs.
   */
  expectedVkeyHash?: Hex | undefined
  /**
   * Groth16 prover run in the worker: 'proofx' (ProofX's own WebAssembly engine) or 'snarkjs' (the
   * reference). Both make proofs for the same verifier. Default 'proofx' (`DEFAULT_PROVING_ENGINE`); where the engine
   * cannot start (no WebAssembly memory for it), the worker proves with snarkjs.
   */
  engine?: ProvingEngine | undefined
  /**
   * Threads ProofX's engine proves with in the worker: 2 (a helper thread takes part of every multi-exponentiation)
   * or 1. Default: 2 where the worker can share memory with the helper (Node; a cross-origin isolated page, see
   * `crossOriginIsolationHeaders`) and the device has 2 cores, else 1.
   */
  engineThreads?: 1 | 2 | undefined
  /**
   * Called when the worker cannot start ProofX's engine and snarkjs proves instead (once per worker). Default: a
   * `console.warn` of the error. Each result's `engine` says which engine made it.
   */
  onFallback?: ((fallback: EngineFallback) => void) | undefined
  /** Start the worker yourself (e.g. a bundler `?worker` import). Default: the package's worker. */
  createWorker?: (() => WorkerHandle | Promise<WorkerHandle>) | undefined
}

export type ProveParameters = {
  /** The credential, typed or in its JSON form; validated before any witness work. */
  credential: SignedCredential | unknown
  /** Policy rules or a built Policy. */
  policy: PolicyRules | Policy
  /** The account that will submit; must be the credential's subject. */
  subject?: Address | undefined
  /** Unix seconds the proof speaks for. Default: now. The contract accepts a bounded age. */
  now?: bigint | number | undefined
  /** Chain id and verifier contract, from which the 53-bit scope tag (packed into the `context` signal) is computed… */
  chainId?: number | bigint | undefined
  verifier?: Address | undefined
  /** …or the scope tag itself (`computeScope(chainId, verifier)`). */
  scope?: bigint | undefined
  /**
   * The verifier contract's `vkeyHash()`: the proof is made with the artifact set of that key, and refused with
   * VerificationKeyNotAvailableError, before any proving, when the prover has none. Required when the prover has a
   * catalog of sets (`proveForVerifier` and `useProve` read it from the contract); optional with one set.
   */
  vkeyHash?: Hex | undefined
  onProgress?: ((progress: ProofProgress) => void) | undefined
  signal?: AbortSignal | undefined
  /** Overrides the prover's timeout for this call. */
  timeout?: number | undefined
}

/** The requested engine could not be used in the worker: which one proved instead, and why. */
export type EngineFallback = { requested: ProvingEngine; used: ProvingEngine; error: EngineUnavailableError }

export type ProveErrorType =
  | ValidationErrorType
  | ArtifactFetchError
  | ArtifactIntegrityError
  | VerificationKeyMismatchError
  | VerificationKeyNotAvailableError
  | ProofCancelledError
  | ProofTimeoutError
  | WorkerCrashedError
  | ProofGenerationError
  | ZkeyFormatError
  | WitnessFormatError
  | ProverDisposedError

export type PreloadReturnType = {
  vkeyHash: Hex
  version: string | undefined
  /** ms to fetch (or read from the cache) and check the artifacts. */
  loadArtifacts: number
  /** ms to start the curve and its threads and run the warm-up proofs. */
  warmCurve: number
  /** The engine the worker proves with (snarkjs when ProofX's engine could not start: see `onFallback`). */
  engine: ProvingEngine
}

export type PreloadOptions = {
  onProgress?: ((progress: ProofProgress) => void) | undefined
  signal?: AbortSignal | undefined
  /**
   * Throwaway proofs (of a random witness) run after loading, so the first real proof runs warm: in a fresh
   * worker the first proof is slower (see BENCHMARKS.md). Default 1 (about one proof's time); 0 skips it.
   */
  warmUpProofs?: number | undefined
  /** The artifact set to load: the verifier's `vkeyHash()`. Required when the prover has a catalog of sets. */
  vkeyHash?: Hex | undefined
}

export type Prover = {
  /** Starts the worker, loads and checks the artifacts, starts the curve and runs warm-up proofs ahead of the first proof. */
  preload(options?: PreloadOptions): Promise<PreloadReturnType>
  /** Validates the input, then proves in the worker. */
  prove(parameters: ProveParameters): Promise<ProveReturnType>
  /** Checks a proof in the worker with the loaded verification key. */
  verify(result: Pick<ProveReturnType, 'proof' | 'publicSignals'>): Promise<boolean>
  /** The loaded verification key and its hash (loads the artifacts if needed; `vkeyHash` picks a catalog's set). */
  getVerificationKey(options?: { vkeyHash?: Hex | undefined }): Promise<{ vkey: VerificationKey; vkeyHash: Hex }>
  /**
   * Ends the worker and every thread snarkjs started; calls in flight reject with ProverDisposedError.
   * The prover cannot be used afterwards.
   */
  dispose(): Promise<void>
}

// `fallbackReported`: onFallback is told once per worker, not on every proof.
type Session = { api: Comlink.Remote<ProverWorkerApi>; handle: WorkerHandle; fallbackReported?: boolean }

/** The artifact set one call uses. `wanted`: the hash a single set must have (its hash is known only once loaded). */
type ArtifactSelection = { key: string; sources: WorkerArtifactSources; vkeyHash: Hex | undefined; baseUrl?: string | undefined; wanted?: Hex | undefined }

/**
 * Creates a prover backed by a dedicated worker (a Web Worker in browsers, a worker thread in Node).
 * @example
 * const prover = createProver()
 * const { calldata } = await prover.prove({ credential, policy: DEMO_POLICIES.accredited, subject: account.address, chainId: 31337, verifier })
 * await prover.dispose()
 */
export function createProver(parameters: CreateProverParameters = {}): Prover {
  installErrorTransferHandler()
  const artifacts = parameters.artifacts ?? defaultArtifacts()
  const catalog = isArtifactCatalog(artifacts) ? parseArtifactCatalog(artifacts) : undefined
  const single = isArtifactCatalog(artifacts) ? undefined : toWorkerSources(artifacts)
  const defaultVkeyHash = parameters.expectedVkeyHash === undefined ? undefined : parseVkeyHash(parameters.expectedVkeyHash, 'expectedVkeyHash')
  if (parameters.engineThreads !== undefined && parameters.engineThreads !== 1 && parameters.engineThreads !== 2)
    throw new InvalidInputError({ field: 'engineThreads', rule: `must be 1 or 2, got ${String(parameters.engineThreads)}` })
  const loadOptions = { cache: parameters.cache, engineThreads: parameters.engineThreads }
  const timeout = parameters.timeout ?? 120_000
  const engine = parameters.engine ?? DEFAULT_PROVING_ENGINE
  let session: Promise<Session> | undefined
  let disposed = false
  let queue: Promise<unknown> = Promise.resolve()
  // Rejects every call in flight when dispose() is called, so none waits on a terminated worker.
  let rejectDisposed: (error: Error) => void = () => {}
  const disposal = new Promise<never>((_, reject) => (rejectDisposed = reject))
  disposal.catch(() => {})

  async function startSession(): Promise<Session> {
    const handle = await (parameters.createWorker ?? defaultWorker)()
    const api = Comlink.wrap<ProverWorkerApi>(handle.endpoint)
    try {
      await raceCall(
        handle.ready.then(() => api.ping()),
        { died: handle.died, timeout: 60_000 },
      )
    } catch (error) {
      await handle.terminate()
      throw error
    }
    return { api, handle }
  }

  // Not silent: the caller learns (once per worker) that snarkjs proves because the engine could not start.
  function reportFallback(current: Session, used: ProvingEngine, fallback: SerializedError | undefined) {
    if (!fallback || current.fallbackReported) return
    current.fallbackReported = true
    const error = new EngineUnavailableError({ cause: deserializeError(fallback) })
    const event: EngineFallback = { requested: engine, used, error }
    if (parameters.onFallback) parameters.onFallback(event)
    else console.warn(error.message)
  }

  const getSession = () => {
    if (disposed) throw new ProverDisposedError()
    session ??= startSession().catch((error) => {
      session = undefined
      throw error
    })
    return session
  }

  // Tears the worker down (cancel, timeout, crash); the next call starts a fresh one.
  async function endSession(current: Session) {
    if (session && (await session.catch(() => undefined)) === current) session = undefined
    current.api[Comlink.releaseProxy]()
    await current.handle.terminate()
  }

  /** Runs one call in the worker at a time; cancel/timeout/crash end the worker. */
  function run<T>(call: (s: Session) => Promise<T>, options: { signal?: AbortSignal | undefined; timeout?: number | undefined }): Promise<T> {
    const job = queue.then(async () => {
      // Cancelled before its turn: start nothing, keep the worker.
      if (options.signal?.aborted) throw new ProofCancelledError({ cause: options.signal.reason })
      const current = await getSession()
      current.handle.setBusy(true)
      try {
        return await raceCall(call(current), { signal: options.signal, timeout: options.timeout, died: Promise.race([current.handle.died, disposal]) })
      } catch (error) {
        if (isTearDown(error)) await endSession(current)
        throw error
      } finally {
        current.handle.setBusy(false)
      }
    })
    queue = job.catch(() => {})
    return job
  }

  /** Picks the artifact set for `vkeyHash`, before any worker work: a catalog without that key throws here. */
  function select(vkeyHash: Hex | undefined): ArtifactSelection {
    const wanted = vkeyHash === undefined ? defaultVkeyHash : parseVkeyHash(vkeyHash)
    if (single) return { key: 'default', sources: single, vkeyHash: undefined, wanted }
    if (!wanted)
      throw new InvalidInputError({
        field: 'vkeyHash',
        rule: "required: the prover has several artifact sets; give the verifier's vkeyHash() (proveForVerifier and useProve read it)",
      })
    const selected = selectArtifactSet(catalog!, wanted)
    return { ...selected, sources: toWorkerSources(selected.sources) }
  }

  /** Loads the set in the worker; `check: false` skips the single set's hash checks (getVerificationKey reports what it has). */
  async function loadSet(api: Comlink.Remote<ProverWorkerApi>, set: ArtifactSelection, onProgress?: (p: ProofProgress) => void, check = true) {
    let loaded: Awaited<ReturnType<ProverWorkerApi['load']>>
    try {
      loaded = await api.load(set.sources, { ...loadOptions, set: set.key, vkeyHash: set.vkeyHash }, onProgress && Comlink.proxy(onProgress))
    } catch (error) {
      // Nothing published under the base URL for this key: the set is not available, whatever the server said.
      if (set.baseUrl && error instanceof ArtifactFetchError && error.artifact === 'manifest' && error.notFound)
        throw new VerificationKeyNotAvailableError({ expected: set.vkeyHash!, available: [...catalog!.sets.keys()], baseUrl: set.baseUrl, cause: error })
      throw error
    }
    if (!check) return loaded
    if (single && parameters.expectedVkeyHash) assertVerificationKeyMatches(loaded.vkeyHash, parameters.expectedVkeyHash)
    if (set.wanted && loaded.vkeyHash !== set.wanted) throw new VerificationKeyNotAvailableError({ expected: set.wanted, available: [loaded.vkeyHash] })
    return loaded
  }

  return {
    preload({ onProgress, signal, warmUpProofs = 1, vkeyHash } = {}) {
      let set: ArtifactSelection
      try {
        set = select(vkeyHash)
      } catch (error) {
        return Promise.reject(error)
      }
      return run(
        async (current) => {
          const loaded = await loadSet(current.api, set, onProgress)
          const warmed = await current.api.warm(warmUpProofs, engine)
          reportFallback(current, warmed.engine, warmed.fallback)
          return { vkeyHash: loaded.vkeyHash, version: loaded.version, loadArtifacts: loaded.ms, warmCurve: warmed.ms, engine: warmed.engine }
        },
        { signal, timeout },
      )
    },

    async prove(p) {
      const started = performance.now()
      // Validation happens here, before any worker or witness work.
      const { credential, policy: rules, now } = validateProofInput({ credential: p.credential, policy: p.policy, now: p.now, subject: p.subject })
      const given = 'tree' in p.policy && 'hash' in p.policy ? (p.policy as Policy) : undefined
      const scope = resolveScope(p)
      let policy = given ?? buildPolicy(rules)
      const set = select(p.vkeyHash)
      const result = await run(
        async (current) => {
          const { api } = current
          const progress = p.onProgress && Comlink.proxy((event: ProofProgress) => p.onProgress!({ ...event, elapsed: performance.now() - started }))
          const loaded = await loadSet(api, set, progress)
          // The witness input and the policy hash depend on the circuit the artifacts were made for (manifest.version).
          const circuitVersion = circuitVersionOf(loaded.version)
          if (policy.circuitVersion !== circuitVersion) policy = buildPolicy(rules, circuitVersion)
          const input = buildCircuitInput({ credential, policy, now, scope })
          const proved = await api.prove(
            set.sources,
            { ...loadOptions, set: set.key, vkeyHash: set.vkeyHash, verify: parameters.verify ?? true, engine },
            input,
            progress,
          )
          reportFallback(current, proved.engine, proved.fallback)
          return { ...proved, timings: { ...proved.timings, loadArtifacts: loaded.ms + proved.timings.loadArtifacts } }
        },
        { signal: p.signal, timeout: p.timeout ?? timeout },
      )
      const signals = namePublicSignals(result.publicSignals)
      return {
        proof: result.proof,
        publicSignals: result.publicSignals,
        signals,
        calldata: { policyId: policy.policyId, subject: signalToAddress(signals.subject), proof: toProofXProof(result) },
        vkeyHash: result.vkeyHash,
        engine: result.engine,
        timings: { ...result.timings, total: performance.now() - started },
      }
    },

    verify(result) {
      const vkeyHash = (result as { vkeyHash?: unknown }).vkeyHash
      return run(({ api }) => api.verify(result.proof, [...result.publicSignals], undefined, typeof vkeyHash === 'string' ? vkeyHash : undefined), { timeout })
    },

    getVerificationKey(options = {}) {
      let set: ArtifactSelection
      try {
        set = select(options.vkeyHash)
      } catch (error) {
        return Promise.reject(error)
      }
      return run(
        async ({ api }) => {
          const { vkey, vkeyHash } = await loadSet(api, set, undefined, false)
          return { vkey, vkeyHash }
        },
        { timeout },
      )
    },

    async dispose() {
      if (disposed) return
      disposed = true
      rejectDisposed(new ProverDisposedError())
      await queue
      const current = await session?.catch(() => undefined)
      session = undefined
      if (!current) return
      // Ask the worker to end snarkjs's curve threads, then end the worker itself either way.
      await raceCall(current.api.dispose(), { died: current.handle.died, timeout: 5_000 }).catch(() => {})
      current.api[Comlink.releaseProxy]()
      await current.handle.terminate()
    },
  }
}

async function defaultWorker(): Promise<WorkerHandle> {
  if (isNode()) return (await import('../worker/spawn-node-worker.js')).spawnNodeWorker()
  return (await import('../worker/spawn-browser-worker.js')).spawnBrowserWorker()
}

const TEAR_DOWN = new Set(['ProofCancelledError', 'ProofTimeoutError', 'WorkerCrashedError'])
const isTearDown = (error: unknown) => error instanceof Error && TEAR_DOWN.has(error.name)

function resolveScope(p: ProveParameters): bigint {
  if (p.scope !== undefined) return p.scope
  if (p.chainId === undefined || p.verifier === undefined)
    throw new InvalidInputError({ field: 'scope', rule: 'give either `scope` or both `chainId` and `verifier` (the ProofXVerifier proxy address)' })
  if (!isAddress(p.verifier, { strict: false }))
    throw new InvalidInputError({ field: 'verifier', rule: 'must be a 20-byte hex address (the ProofXVerifier proxy)' })
  return computeScope(parseChainId(p.chainId), p.verifier)
}

function toWorkerSources(artifacts: ArtifactSources | PublishedArtifactSet): WorkerArtifactSources {
  if (!('wasm' in artifacts)) return { manifest: String(artifacts.manifest) }
  const plain = (source: ArtifactSource) => (source instanceof URL ? source.href : source)
  return {
    ...artifacts,
    wasm: plain(artifacts.wasm),
    zkey: plain(artifacts.zkey),
    vkey: artifacts.vkey instanceof URL ? artifacts.vkey.href : artifacts.vkey,
    manifest: artifacts.manifest instanceof URL ? artifacts.manifest.href : artifacts.manifest,
  }
}

/** The circuit version of a manifest's `version` field; artifacts without a manifest are taken for the current one. */
function circuitVersionOf(version: string | undefined): CircuitVersion {
  return version === '1' ? 1 : CURRENT_CIRCUIT_VERSION
}
