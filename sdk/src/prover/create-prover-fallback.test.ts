import { readFile } from 'node:fs/promises'
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest'
import { artifactPath, committedArtifacts } from '@proofx/test-helpers/committed-artifacts'
import { expectError } from '@proofx/test-helpers/expect-error'
import { CHAIN_ID, NOW, POLICY, SUBJECT, VERIFIER, signed } from '@proofx/test-helpers/sample-credential'
import { EngineUnavailableError, ZkeyFormatError } from '../errors/engine.js'
import { spawnNodeWorker } from '../worker/spawn-node-worker.js'
import { createProver, type EngineFallback, type Prover } from './create-prover.js'
import { terminateCurve, verifyProof } from './verify-proof.js'

// When ProofX's engine cannot start in the worker, snarkjs proves, and the caller is told: once, with a typed
// error, and every result names the engine that made it.
const proveArgs = { credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER }
const refusingWorker = () => spawnNodeWorker(new URL('../worker/engine-refused.worker.test-helper.ts', import.meta.url))
const provers: Prover[] = []
function started(prover: Prover): Prover {
  provers.push(prover)
  return prover
}
afterEach(() => vi.restoreAllMocks())
afterAll(async () => {
  await Promise.all(provers.map((p) => p.dispose()))
  await terminateCurve()
})

describe('engine fallback is reported', () => {
  test('the engine module is refused: onFallback once with EngineUnavailableError; snarkjs proofs that verify, marked snarkjs', async () => {
    const fallbacks: EngineFallback[] = []
    const prover = started(createProver({ artifacts: committedArtifacts(), createWorker: refusingWorker, onFallback: (f) => fallbacks.push(f) }))
    expect((await prover.preload()).engine).toBe('snarkjs')
    expect(fallbacks).toHaveLength(1)
    const [fallback] = fallbacks
    expect(fallback).toMatchObject({ requested: 'proofx', used: 'snarkjs' })
    expect(fallback!.error).toBeInstanceOf(EngineUnavailableError)
    expect(fallback!.error.cause).toMatchObject({ name: 'CompileError', message: expect.stringContaining('refuses the module') })
    expect(fallback!.error.details).toMatch(/^CompileError: /)
    const vkey = JSON.parse(await readFile(artifactPath('verification_key.json'), 'utf8'))
    for (let i = 0; i < 2; i++) {
      const result = await prover.prove(proveArgs)
      expect(result.engine).toBe('snarkjs')
      expect(await verifyProof(result, vkey)).toBe(true)
    }
    expect(fallbacks).toHaveLength(1) // once per worker, not per proof
  })

  test('without onFallback the prover warns on the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const prover = started(createProver({ artifacts: committedArtifacts(), createWorker: refusingWorker, verify: false }))
    const result = await prover.prove(proveArgs)
    expect(result.engine).toBe('snarkjs')
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toContain("ProofX's proving engine could not start here")
  })

  test('where the engine starts, results say proofx and onFallback is never called', async () => {
    const onFallback = vi.fn()
    const prover = started(createProver({ artifacts: committedArtifacts(), onFallback, verify: false }))
    expect((await prover.preload({ warmUpProofs: 0 })).engine).toBe('proofx')
    expect((await prover.prove(proveArgs)).engine).toBe('proofx')
    expect(onFallback).not.toHaveBeenCalled()
  })
})

describe('a zkey the engine cannot read', () => {
  test('is a ZkeyFormatError from prove (not a fallback to snarkjs)', async () => {
    const zkey = new Uint8Array(await readFile(artifactPath('compliance.zkey')))
    const onFallback = vi.fn()
    const prover = started(createProver({ artifacts: { ...committedArtifacts(), zkey: zkey.subarray(0, zkey.length - 1000), integrity: false }, onFallback }))
    const error = await expectError(prover.prove(proveArgs), ZkeyFormatError)
    expect(error.field).toMatch(/^section \d+$/)
    expect(onFallback).not.toHaveBeenCalled()
  })
})
