/// <reference path="../types/snarkjs.d.ts" />
// A catalog of two artifact sets through the Web Worker + Comlink in real Chromium: the committed set served over
// HTTP by its manifest alone, and a second real set made in this page (a phase-2 re-key of the committed zkey).
import * as snarkjs from 'snarkjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CHAIN_ID, NOW, POLICY, SUBJECT, VERIFIER, signed } from '@proofx/test-helpers/sample-credential'
import { servedArtifactUrl } from '@proofx/test-helpers/served-artifacts'
import { clearArtifactCache } from '../artifacts/artifact-cache.js'
import { hashVerificationKey, type VerificationKey } from '../artifacts/hash-verification-key.js'
import { VerificationKeyNotAvailableError } from '../errors/artifacts.js'
import { createProver, type Prover } from './create-prover.js'
import { terminateCurve, verifyProof } from './verify-proof.js'

const CACHE = 'proofx-browser-sets-test'
const proveArgs = { credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER }
type MemFile = { type: 'mem'; data?: Uint8Array }
const contribute = snarkjs.zKey.contribute as unknown as (from: MemFile, to: MemFile, name: string, entropy: string) => Promise<unknown>

let prover: Prover
let committedVkey: VerificationKey
let otherVkey: VerificationKey
let committedHash: `0x${string}`
let otherHash: `0x${string}`

beforeAll(async () => {
  await clearArtifactCache(CACHE)
  committedVkey = await (await fetch(servedArtifactUrl('verification_key.json'))).json()
  committedHash = hashVerificationKey(committedVkey)
  const rekeyed: MemFile = { type: 'mem' }
  await contribute(
    { type: 'mem', data: new Uint8Array(await (await fetch(servedArtifactUrl('compliance.zkey'))).arrayBuffer()) },
    rekeyed,
    'browser test',
    crypto.randomUUID(),
  )
  otherVkey = (await snarkjs.zKey.exportVerificationKey({ type: 'mem', data: rekeyed.data! })) as VerificationKey
  otherHash = hashVerificationKey(otherVkey)
  prover = createProver({
    artifacts: {
      sets: {
        [committedHash]: { manifest: servedArtifactUrl('manifest.json') },
        [otherHash]: { wasm: servedArtifactUrl('compliance.wasm'), zkey: rekeyed.data!, vkey: otherVkey, integrity: false },
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
    const underCommitted = await prover.prove({ ...proveArgs, vkeyHash: committedHash })
    const underOther = await prover.prove({ ...proveArgs, vkeyHash: otherHash })
    expect([underCommitted.vkeyHash, underOther.vkeyHash]).toEqual([committedHash, otherHash])
    expect(await verifyProof(underCommitted, committedVkey)).toBe(true)
    expect(await verifyProof(underOther, otherVkey)).toBe(true)
    expect(await verifyProof(underOther, committedVkey)).toBe(false)
    expect(await prover.verify(underCommitted)).toBe(true)
  })

  test('a key without a set: VerificationKeyNotAvailableError across the worker boundary, nothing proven', async () => {
    const stages: string[] = []
    const unknown = `0x${'ab'.repeat(32)}` as const
    const error = await prover.prove({ ...proveArgs, vkeyHash: unknown, onProgress: (p) => stages.push(p.stage) }).catch((e) => e)
    expect(error).toBeInstanceOf(VerificationKeyNotAvailableError)
    expect(error).toMatchObject({ expected: unknown, available: [committedHash, otherHash] })
    expect(stages).toEqual([])
  })
})
