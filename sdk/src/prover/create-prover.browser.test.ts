// The Worker + Comlink path in real Chromium: artifacts served over HTTP by vitest's dev server.
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest'
import { CHAIN_ID, NOW, POLICY, SUBJECT, VERIFIER, issuer, signed } from '@proofx/test-helpers/sample-credential'
import { servedArtifactUrl, servedArtifacts } from '@proofx/test-helpers/served-artifacts'
import { clearArtifactCache } from '../artifacts/artifact-cache.js'
import { ArtifactIntegrityError } from '../errors/artifacts.js'
import { ProofXError } from '../errors/base.js'
import { ProofCancelledError, WorkerCrashedError } from '../errors/prover.js'
import { KycLevelTooLowError } from '../errors/validation.js'
import { wrapBrowserWorker } from '../worker/spawn-browser-worker.js'
import { createProver, type Prover } from './create-prover.js'
import type { ProofProgress } from './types.js'
import { verifyProof } from './verify-proof.js'

const CACHE = 'proofx-browser-test'
const artifacts = servedArtifacts()
const proveArgs = { credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER }

let prover: Prover

beforeAll(async () => {
  await clearArtifactCache(CACHE)
  prover = createProver({ artifacts, cache: CACHE })
})
afterAll(async () => {
  await prover?.dispose()
  await clearArtifactCache(CACHE)
})

describe('createProver in Chromium (Web Worker + Comlink)', () => {
  test('downloads the artifacts with progress, proves in the worker and verifies', async () => {
    // A first visit: an empty cache and a worker that has loaded nothing, whichever test ran before.
    await clearArtifactCache(CACHE)
    const firstVisit = createProver({ artifacts, cache: CACHE })
    onTestFinished(() => firstVisit.dispose())
    const events: ProofProgress[] = []
    const result = await firstVisit.prove({ ...proveArgs, onProgress: (p) => events.push(p) })
    const stages = [...new Set(events.map((e) => e.stage))]
    expect(stages).toEqual(['loading-artifacts', 'witness', 'proving', 'verifying', 'done'])
    const zkeyBytes = events.filter((e) => e.artifact?.artifact === 'zkey')
    expect(zkeyBytes.length).toBeGreaterThan(1)
    expect(zkeyBytes.at(-1)!.artifact).toMatchObject({ cached: false, loaded: zkeyBytes.at(-1)!.artifact!.total })
    expect(result.signals.issuerKeyHash).toBe(issuer.keyHash)
    expect(result.calldata.subject).toBe(SUBJECT)
    expect(await firstVisit.verify(result)).toBe(true)
    const { vkey } = await firstVisit.getVerificationKey()
    expect(await verifyProof(result, vkey)).toBe(true)
    console.info(`chromium proof timings (ms, cold): ${JSON.stringify(result.timings, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`)
    const warm = await firstVisit.prove(proveArgs)
    console.info(`chromium proof timings (ms, warm): ${JSON.stringify(warm.timings, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`)
  })

  test('a fresh worker (a second visit) takes the artifacts from the Cache API, not the network', async () => {
    // The first visit, which fills the cache (a no-op when an earlier test already has).
    const first = createProver({ artifacts, cache: CACHE })
    await first.preload()
    await first.dispose()
    const second = createProver({ artifacts, cache: CACHE })
    const events: ProofProgress[] = []
    await second.preload({ onProgress: (p) => events.push(p) })
    await second.dispose()
    const artifactEvents = events.flatMap((e) => (e.artifact ? [e.artifact] : []))
    expect(new Set(artifactEvents.map((a) => a.artifact))).toEqual(new Set(['wasm', 'zkey', 'vkey']))
    expect(artifactEvents.every((a) => a.cached)).toBe(true)
  })

  test('cancelling terminates the worker; the next proof runs in a fresh one', async () => {
    const controller = new AbortController()
    const error = await prover
      .prove({ ...proveArgs, signal: controller.signal, onProgress: (p) => p.stage === 'proving' && controller.abort() })
      .catch((e) => e)
    expect(error).toBeInstanceOf(ProofCancelledError)
    const again = await prover.prove(proveArgs)
    expect(again.signals.now).toBe(NOW)
  })

  test('a corrupted zkey is refused, and the error arrives typed from the worker', async () => {
    const zkey = new Uint8Array(await (await fetch(servedArtifactUrl('compliance.zkey'))).arrayBuffer())
    zkey[zkey.length - 64] ^= 0xff
    const corrupted = URL.createObjectURL(new Blob([zkey]))
    const bad = createProver({ artifacts: { ...artifacts, zkey: corrupted }, cache: false })
    try {
      const error = await bad.prove(proveArgs).catch((e) => e)
      expect(error).toBeInstanceOf(ArtifactIntegrityError)
      expect(error).toBeInstanceOf(ProofXError)
      expect(error).toMatchObject({
        name: 'ArtifactIntegrityError',
        artifact: 'zkey',
        shortMessage: 'The zkey artifact failed its integrity check and was refused.',
      })
      expect(error.details).toContain(corrupted)
    } finally {
      await bad.dispose()
      URL.revokeObjectURL(corrupted)
    }
  })

  test('input breaking a policy rule is refused before the worker with a readable error', async () => {
    const error = await prover.prove({ ...proveArgs, credential: signed({ kycLevel: 1 }) }).catch((e) => e)
    expect(error).toBeInstanceOf(KycLevelTooLowError)
    expect(error.shortMessage).toBe(`KYC level 1 is below the policy's minimum 2 (field "kycLevel").`)
  })

  test('a worker that fails to start gives WorkerCrashedError', async () => {
    const broken = createProver({
      artifacts,
      createWorker: () => wrapBrowserWorker(new Worker(new URL('/no-such-worker.js', location.origin), { type: 'module' })),
    })
    const error = await broken.preload().catch((e) => e)
    await broken.dispose()
    expect(error).toBeInstanceOf(WorkerCrashedError)
  })
})
