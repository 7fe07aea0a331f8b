/// <reference path="../types/snarkjs.d.ts" />
// A catalog of two artifact sets through the Web Worker + Comlink in real Chromium: the committed set served over
// HTTP by its manifest alone, and a second real set made in this page (a phase-2 re-key of the committed zkey).
import * as snarkjs from 'snarkjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CHAIN_ID, NOW, POLICY, SUBJECT, VERIFIER, signed } from '@proofx/test-helpers/sample-credential'
import { clearArtifactCache } from '../artifacts/artifact-cache.js'
import { hashVerificationKey, type VerificationKey } from '../artifacts/hash-verification-key.js'
import { VerificationKeyNotAvailableError } from '../errors/artifacts.js'
import { createProver, type Prover } from './create-prover.js'
import { terminateCurve, verifyProof } from './verify-proof.js'

const CACHE = 'proofx-browser-sets-test'
const url = (file: string) => new URL(`/circuits/artifacts/${file}`, location.origin).href
const proveArgs = { credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER }
type MemFile = { type: 'mem'; data?: Uint8Array }
const contribute = snarkjs.zKey.contribute as unknown as (from: MemFile, to: MemFile, name: string, entropy: string) => Promise<unknown>

let prover: Prover
let v1Vkey: VerificationKey
let otherVkey: VerificationKey
let v1Hash: `0x${string}`
let otherHash: `0x${string}`

beforeAll(async () => {
  await clearArtifactCache(CACHE)
  v1Vkey = await (await fetch(url('verification_key.json'))).json()
  v1Hash = hashVerificationKey(v1Vkey)
  const rekeyed: MemFile = { type: 'mem' }
  await contribute(
    { type: 'mem', data: new Uint8Array(await (await fetch(url('compliance.zkey'))).arrayBuffer()) },
    rekeyed,
    'browser test',
    crypto.randomUUID(),
  )
  otherVkey = (await snarkjs.zKey.exportVerificationKey({ type: 'mem', data: rekeyed.data! })) as VerificationKey
  otherHash = hashVerificationKey(otherVkey)
  prover = createProver({
    artifacts: {
      sets: {
        [v1Hash]: { manifest: url('manifest.json') },
        [otherHash]: { wasm: url('compliance.wasm'), zkey: rekeyed.data!, vkey: otherVkey, integrity: false },
      },
    },
    cache: CACHE,
  })
}, 120_000)

afterAll(async () => {
  await prover?.dispose()
  await terminateCurve()
  await clearArtifactCache(CACHE)
})

describe('artifact sets by verification-key hash in Chromium', () => {
  test('proves with the set of the key asked for, both in one worker; each proof holds only under its own key', async () => {
    const underV1 = await prover.prove({ ...proveArgs, vkeyHash: v1Hash })
    const underOther = await prover.prove({ ...proveArgs, vkeyHash: otherHash })
    expect([underV1.vkeyHash, underOther.vkeyHash]).toEqual([v1Hash, otherHash])
    expect(await verifyProof(underV1, v1Vkey)).toBe(true)
    expect(await verifyProof(underOther, otherVkey)).toBe(true)
    expect(await verifyProof(underOther, v1Vkey)).toBe(false)
    expect(await prover.verify(underV1)).toBe(true)
  })

  test('a key without a set: VerificationKeyNotAvailableError across the worker boundary, nothing proven', async () => {
    const stages: string[] = []
    const unknown = `0x${'ab'.repeat(32)}` as const
    const error = await prover.prove({ ...proveArgs, vkeyHash: unknown, onProgress: (p) => stages.push(p.stage) }).catch((e) => e)
    expect(error).toBeInstanceOf(VerificationKeyNotAvailableError)
    expect(error).toMatchObject({ expected: unknown, available: [v1Hash, otherHash] })
    expect(stages).toEqual([])
  })
})
