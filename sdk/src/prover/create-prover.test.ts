import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as snarkjs from 'snarkjs'
import { hexToBigInt } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { artifactPath, committedArtifacts } from '@proofx/test-helpers/committed-artifacts'
import { CHAIN_ID, NOW, POLICY, SCOPE, SUBJECT, VERIFIER, issuer, signed } from '@proofx/test-helpers/sample-credential'
import { hashVerificationKey, type VerificationKey } from '../artifacts/hash-verification-key.js'
import { computeNullifier } from '../credentials/compute-nullifier.js'
import { packContext } from '../credentials/pack-context.js'
import { ArtifactIntegrityError, VerificationKeyMismatchError } from '../errors/artifacts.js'
import { ProofCancelledError, ProofTimeoutError, ProverDisposedError, WorkerCrashedError } from '../errors/prover.js'
import { CredentialExpiredError } from '../errors/validation.js'
import { buildPolicy } from '../policies/build-policy.js'
import { spawnNodeWorker, type NodeWorkerHandle } from '../worker/spawn-node-worker.js'
import { createProver, type Prover } from './create-prover.js'
import type { ProofStage } from './types.js'
import { terminateCurve, verifyProof } from './verify-proof.js'

const policy = buildPolicy(POLICY)
const proveArgs = { credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER }

// One prover for the happy path and the tear-down cases; it records every worker it starts.
const workers: NodeWorkerHandle[] = []
let prover: Prover
let vkey: VerificationKey

beforeAll(async () => {
  vkey = JSON.parse(await readFile(artifactPath('verification_key.json'), 'utf8'))
  prover = createProver({
    artifacts: committedArtifacts(),
    createWorker: async () => {
      const handle = await spawnNodeWorker()
      workers.push(handle)
      return handle
    },
  })
})

afterAll(async () => {
  await prover?.dispose()
  await terminateCurve()
})

describe('createProver (Node worker thread)', () => {
  test('preloads the artifacts and warms the curve', async () => {
    // Its own prover: the shared one may have torn workers down and started others in the tests before.
    const started: NodeWorkerHandle[] = []
    const fresh = createProver({
      artifacts: committedArtifacts(),
      createWorker: async () => {
        const handle = await spawnNodeWorker()
        started.push(handle)
        return handle
      },
    })
    try {
      const preload = await fresh.preload()
      expect(preload.vkeyHash).toBe(hashVerificationKey(vkey))
      expect(preload.version).toEqual(expect.any(String))
      expect(started).toHaveLength(1)
    } finally {
      await fresh.dispose()
    }
  })

  test('proves a real credential; signals in the documented order; calldata as snarkjs prints it', async () => {
    await prover.preload() // already loaded: no 'loading-artifacts' stage below
    const workersBefore = workers.length
    const stages: ProofStage[] = []
    const result = await prover.prove({ ...proveArgs, onProgress: (p) => stages.push(p.stage) })
    expect(stages).toEqual(['witness', 'proving', 'verifying', 'done'])
    expect(result.signals).toEqual({
      issuerKeyHash: issuer.keyHash,
      nullifier: computeNullifier(signed().attributes, SCOPE),
      policyHash: policy.hash,
      subject: hexToBigInt(SUBJECT),
      now: NOW,
      scope: SCOPE,
    })
    const context = packContext({ subject: hexToBigInt(SUBJECT), now: NOW, scopeTag: SCOPE })
    expect(result.publicSignals).toEqual([issuer.keyHash, result.signals.nullifier, policy.hash, context].map(String))
    expect(result.calldata.policyId).toBe(1n)
    expect(result.calldata.subject).toBe(SUBJECT)
    const [a, b, c] = JSON.parse(`[${await snarkjs.groth16.exportSolidityCallData(result.proof, [...result.publicSignals])}]`)
    expect(result.calldata.proof).toEqual({
      issuerKeyHash: issuer.keyHash,
      nullifier: result.signals.nullifier,
      timestamp: NOW,
      a: a.map(BigInt),
      b: b.map((row: string[]) => row.map(BigInt)),
      c: c.map(BigInt),
    })
    expect(result.timings.witness).toBeGreaterThan(0)
    expect(result.timings.prove).toBeGreaterThan(0)
    expect(result.timings.verify).toBeGreaterThan(0)
    expect(result.timings.total).toBeGreaterThanOrEqual(result.timings.witness + result.timings.prove)
    console.info(`node proof timings (ms): ${JSON.stringify(result.timings, (_, v) => (typeof v === 'number' ? Math.round(v) : v))}`)

    expect(await prover.verify(result)).toBe(true)
    expect(await verifyProof(result, vkey)).toBe(true)
    const tampered = [...result.publicSignals]
    tampered[3] = String(packContext({ subject: hexToBigInt(SUBJECT), now: NOW + 1n, scopeTag: SCOPE }))
    expect(await verifyProof({ proof: result.proof, publicSignals: tampered }, vkey)).toBe(false)
    // The proof ran in the worker preload started: none was added.
    expect(workers).toHaveLength(workersBefore)
  })

  test('invalid input fails validation before any worker work', async () => {
    let spawned = 0
    const fresh = createProver({
      artifacts: committedArtifacts(),
      createWorker: () => {
        spawned++
        return spawnNodeWorker()
      },
    })
    const error = await fresh.prove({ ...proveArgs, credential: signed({ expiresAt: NOW }) }).catch((e) => e)
    expect(error).toBeInstanceOf(CredentialExpiredError)
    expect(spawned).toBe(0)
    await expect(fresh.prove({ ...proveArgs, chainId: undefined })).rejects.toMatchObject({ name: 'InvalidInputError', field: 'scope' })
    await expect(fresh.prove({ ...proveArgs, verifier: '0x1234' })).rejects.toMatchObject({ name: 'InvalidInputError', field: 'verifier' })
    await expect(fresh.prove({ ...proveArgs, chainId: 2n ** 256n })).rejects.toMatchObject({ name: 'InvalidInputError', field: 'chainId' })
    for (const chainId of [0, -1, 1.5, 0n, -5n, '1' as unknown as number])
      await expect(fresh.prove({ ...proveArgs, chainId }), `chainId ${String(chainId)}`).rejects.toMatchObject({
        name: 'InvalidInputError',
        field: 'chainId',
        rule: expect.stringMatching(/positive integer|integer/),
      })
    await expect(fresh.prove({ ...proveArgs, subject: '0xnot-an-address' })).rejects.toMatchObject({ name: 'InvalidInputError', field: 'subject' })
    await fresh.dispose()
    await expect(fresh.prove(proveArgs)).rejects.toBeInstanceOf(ProverDisposedError)
  })

  test('an AbortSignal cancels: the worker is torn down and the next proof gets a fresh one', async () => {
    await prover.preload() // a live worker to tear down, whichever tests ran before
    const controller = new AbortController()
    const before = workers.length
    const error = await prover
      .prove({ ...proveArgs, signal: controller.signal, onProgress: (p) => p.stage === 'proving' && controller.abort() })
      .catch((e) => e)
    expect(error).toBeInstanceOf(ProofCancelledError)
    expect(workers[before - 1]!.worker.threadId).toBe(-1) // a terminated worker thread reports -1
    const again = await prover.prove(proveArgs)
    expect(again.signals.now).toBe(NOW)
    expect(workers).toHaveLength(before + 1)
  })

  test('a timeout ends the proof with ProofTimeoutError, and the prover recovers', async () => {
    await prover.preload()
    const before = workers.length
    await expect(prover.prove({ ...proveArgs, timeout: 100 })).rejects.toBeInstanceOf(ProofTimeoutError)
    expect(workers[before - 1]!.worker.threadId).toBe(-1)
    expect((await prover.prove(proveArgs)).signals.scope).toBe(SCOPE)
  })

  test('a worker that dies mid-proof gives WorkerCrashedError, and the prover recovers', async () => {
    await prover.preload()
    const victim = workers.at(-1)!
    const error = await prover.prove({ ...proveArgs, onProgress: (p) => p.stage === 'witness' && void victim.worker.terminate() }).catch((e) => e)
    expect(error).toBeInstanceOf(WorkerCrashedError)
    expect(error.details).toMatch(/exited with code/)
    expect((await prover.prove(proveArgs)).signals.issuerKeyHash).toBe(issuer.keyHash)
  })

  test('a corrupted zkey is refused in the worker with a typed ArtifactIntegrityError', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'proofx-zkey-'))
    try {
      const zkey = new Uint8Array(await readFile(artifactPath('compliance.zkey')))
      zkey[zkey.length - 100] ^= 0xff
      await writeFile(join(dir, 'compliance.zkey'), zkey)
      const bad = createProver({ artifacts: { ...committedArtifacts(), zkey: join(dir, 'compliance.zkey') } })
      const error = await bad.prove(proveArgs).catch((e) => e)
      await bad.dispose()
      expect(error).toBeInstanceOf(ArtifactIntegrityError)
      expect(error).toMatchObject({ artifact: 'zkey', shortMessage: 'The zkey artifact failed its integrity check and was refused.' })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('a verification key the contract does not use is refused before proving', async () => {
    const other = createProver({ artifacts: committedArtifacts(), expectedVkeyHash: `0x${'ab'.repeat(32)}` })
    const error = await other.prove(proveArgs).catch((e) => e)
    await other.dispose()
    expect(error).toBeInstanceOf(VerificationKeyMismatchError)
    expect(error.actual).toBe(hashVerificationKey(vkey))
  })
})

describe('dispose', () => {
  test('ends a proof in flight with ProverDisposedError and terminates its worker', async () => {
    let handle: NodeWorkerHandle | undefined
    const doomed = createProver({
      artifacts: committedArtifacts(),
      createWorker: async () => {
        handle = await spawnNodeWorker()
        return handle
      },
    })
    let disposing: Promise<void> | undefined
    const error = await doomed
      .prove({
        ...proveArgs,
        onProgress: (p) => {
          if (p.stage === 'proving') disposing = doomed.dispose()
        },
      })
      .catch((e) => e)
    expect(error).toBeInstanceOf(ProverDisposedError)
    await disposing
    expect(handle!.worker.threadId).toBe(-1)
  })

  test('ends the worker, and a Node process that proved and verified then exits on its own', async () => {
    const { code, stdout, stderr } = await runChild('test-helpers/prove-and-dispose.ts')
    expect(stderr).toBe('')
    expect(code).toBe(0) // a hang would be killed by the timeout and report SIGTERM here
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ verified: true, workerThreadIdAfterDispose: -1 })
  })

  // A cancelled call once left its `died` race unobserved: dispose() rejected it and Node exited 1.
  test.each(['already-aborted', 'mid-proof'])('a proof cancelled (%s) then dispose() ends quietly: exit 0, no unhandled rejection', async (mode) => {
    const { code, stdout, stderr } = await runChild('test-helpers/cancel-and-dispose.ts', mode)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ cancelled: true })
  })
})

/** Runs a helper script in its own Node process (through tsx), as an app would run the SDK. */
function runChild(script: string, ...args: string[]) {
  const root = fileURLToPath(new URL('../../..', import.meta.url))
  return new Promise<{ code: number | string | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ['--conditions=@proofx/source', '--import', 'tsx', script, ...args], { cwd: root, timeout: 100_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number | string }).code ?? (error as { signal?: string }).signal ?? null) : 0, stdout, stderr }),
    )
  })
}
