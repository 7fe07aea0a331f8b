import { createServer, type Server } from 'node:http'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, normalize } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { artifactPath, committedArtifacts } from '@proofx/test-helpers/committed-artifacts'
import { expectError } from '@proofx/test-helpers/expect-error'
import { publishArtifactSet, rekeyedArtifactSet, type PublishedTestSet } from '@proofx/test-helpers/rekeyed-artifact-set'
import { CHAIN_ID, NOW, POLICY, SUBJECT, VERIFIER, signed } from '@proofx/test-helpers/sample-credential'
import { hashVerificationKey, type VerificationKey } from '../artifacts/hash-verification-key.js'
import { ArtifactFetchError, ArtifactIntegrityError, VerificationKeyMismatchError, VerificationKeyNotAvailableError } from '../errors/artifacts.js'
import { InvalidInputError } from '../errors/validation.js'
import { spawnNodeWorker } from '../worker/spawn-node-worker.js'
import { createProver, type Prover } from './create-prover.js'
import { terminateCurve, verifyProof } from './verify-proof.js'

// Two real artifact sets of the compliance circuit: the committed one and a re-keyed one (a fresh phase-2
// contribution: same circuit, other proving and verification keys), both published under one base folder.
const proveArgs = { credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER }
const UNKNOWN = `0x${'ab'.repeat(32)}` as const

let base: string
let committed: PublishedTestSet
let other: PublishedTestSet
let committedVkey: VerificationKey
let server: Server
let baseUrl: string
let workersStarted = 0
let prover: Prover

const countedWorker = async () => {
  workersStarted++
  return spawnNodeWorker()
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'proofx-sets-'))
  committedVkey = JSON.parse(await readFile(artifactPath('verification_key.json'), 'utf8'))
  committed = await publishArtifactSet(
    base,
    { wasm: artifactPath('compliance.wasm'), zkey: artifactPath('compliance.zkey'), vkey: artifactPath('verification_key.json') },
    '1',
  )
  other = await rekeyedArtifactSet(base)
  // The base folder over real HTTP on loopback: what `baseUrl` fetches from in a browser.
  server = createServer(async (request, response) => {
    const path = normalize(join(base, decodeURIComponent(new URL(request.url!, 'http://x').pathname)))
    const body = path.startsWith(base) ? await readFile(path).catch(() => undefined) : undefined
    response.writeHead(body ? 200 : 404).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  prover = createProver({ artifacts: { sets: { [committed.vkeyHash]: committedArtifacts(), [other.vkeyHash]: other.sources } }, createWorker: countedWorker })
}, 120_000)

afterAll(async () => {
  await prover?.dispose()
  await terminateCurve()
  server?.close()
  if (base) await rm(base, { recursive: true, force: true })
})

describe('a prover with several artifact sets known by verification-key hash', () => {
  test('the two sets are real and different keys', () => {
    expect(committed.vkeyHash).toBe(hashVerificationKey(committedVkey))
    expect(other.vkeyHash).not.toBe(committed.vkeyHash)
  })

  test('proves with the set whose key the verifier reports, one worker for both', async () => {
    const underCommitted = await prover.prove({ ...proveArgs, vkeyHash: committed.vkeyHash })
    const underOther = await prover.prove({ ...proveArgs, vkeyHash: other.vkeyHash.toUpperCase().replace('0X', '0x') as `0x${string}` })
    expect(underCommitted.vkeyHash).toBe(committed.vkeyHash)
    expect(underOther.vkeyHash).toBe(other.vkeyHash)
    expect(await verifyProof(underCommitted, committedVkey)).toBe(true)
    expect(await verifyProof(underOther, other.vkey)).toBe(true)
    // Each proof holds only under its own key: the sets are not interchangeable.
    expect(await verifyProof(underOther, committedVkey)).toBe(false)
    expect(await prover.verify(underOther)).toBe(true)
    expect(workersStarted).toBe(1)
    // Back to the first set: still loaded, no second worker.
    expect((await prover.prove({ ...proveArgs, vkeyHash: committed.vkeyHash })).vkeyHash).toBe(committed.vkeyHash)
    expect(workersStarted).toBe(1)
  })

  test('a key it has no set for: VerificationKeyNotAvailableError naming both, before any worker starts', async () => {
    workersStarted = 0
    const fresh = createProver({
      artifacts: { sets: { [committed.vkeyHash]: committedArtifacts(), [other.vkeyHash]: other.sources } },
      createWorker: countedWorker,
    })
    const stages: string[] = []
    const error = await expectError(fresh.prove({ ...proveArgs, vkeyHash: UNKNOWN, onProgress: (p) => stages.push(p.stage) }), VerificationKeyNotAvailableError)
    expect(error).toMatchObject({ expected: UNKNOWN, available: [committed.vkeyHash, other.vkeyHash], baseUrl: undefined })
    expect(error.shortMessage).toBe(`No artifact set for the verification key ${UNKNOWN} the verifier contract uses.`)
    await expectError(fresh.preload({ vkeyHash: UNKNOWN }), VerificationKeyNotAvailableError)
    expect(stages).toEqual([])
    expect(workersStarted).toBe(0)
    await fresh.dispose()
  })

  test('with several sets the key is required; catalog keys must be hashes', async () => {
    const error = await expectError(prover.prove(proveArgs), InvalidInputError)
    expect(error.field).toBe('vkeyHash')
    expect(() => createProver({ artifacts: { sets: { v1: committedArtifacts() } } })).toThrow(InvalidInputError)
    expect(() => createProver({ artifacts: { sets: {} } })).toThrow(/a catalog needs `sets`/)
    await expectError(prover.prove({ ...proveArgs, vkeyHash: '0x1234' }), InvalidInputError)
  })

  test('a set listed under another key than its own is refused (ArtifactIntegrityError, check vkeyHash)', async () => {
    const mislabelled = createProver({ artifacts: { sets: { [other.vkeyHash]: committedArtifacts() } } })
    const error = await expectError(mislabelled.prove({ ...proveArgs, vkeyHash: other.vkeyHash }), ArtifactIntegrityError)
    expect(error).toMatchObject({ artifact: 'vkey', check: 'vkeyHash', expected: other.vkeyHash, actual: committed.vkeyHash })
    await mislabelled.dispose()
  })
})

describe('sets fetched by hash from a base URL', () => {
  test('over HTTP: <baseUrl>/<vkeyHash>/manifest.json and the files it names, sha256-checked', async () => {
    const fetched = createProver({ artifacts: { baseUrl }, cache: false })
    const result = await fetched.prove({ ...proveArgs, vkeyHash: other.vkeyHash })
    expect(result.vkeyHash).toBe(other.vkeyHash)
    expect(await verifyProof(result, other.vkey)).toBe(true)
    // Nothing published under the contract's key: the typed error names the base URL, with the 404 as its cause.
    const error = await expectError(fetched.prove({ ...proveArgs, vkeyHash: UNKNOWN }), VerificationKeyNotAvailableError)
    expect(error).toMatchObject({ expected: UNKNOWN, available: [], baseUrl: baseUrl.replace(/\/$/, '') })
    expect(error.cause).toBeInstanceOf(ArtifactFetchError)
    expect(error.cause).toMatchObject({ artifact: 'manifest', notFound: true })
    await fetched.dispose()
  })

  test('a directory in Node; listed sets first (here the committed manifest alone, its files next to it), the base for the rest', async () => {
    const mixed = createProver({ artifacts: { sets: { [committed.vkeyHash]: { manifest: artifactPath('manifest.json') } }, baseUrl: base } })
    expect((await mixed.prove({ ...proveArgs, vkeyHash: other.vkeyHash })).vkeyHash).toBe(other.vkeyHash)
    expect((await mixed.prove({ ...proveArgs, vkeyHash: committed.vkeyHash })).vkeyHash).toBe(committed.vkeyHash)
    const error = await expectError(mixed.prove({ ...proveArgs, vkeyHash: UNKNOWN }), VerificationKeyNotAvailableError)
    expect(error.available).toEqual([committed.vkeyHash])
    await mixed.dispose()
  })

  test('a published file that does not match its manifest is refused, not proven with', async () => {
    const { writeFile } = await import('node:fs/promises')
    const tampered = join(base, 'tampered')
    const set = await publishArtifactSet(
      tampered,
      { wasm: artifactPath('compliance.wasm'), zkey: other.sources.zkey as string, vkey: other.sources.vkey as string },
      't',
    )
    const zkey = new Uint8Array(await readFile(set.sources.zkey as string))
    zkey[zkey.length - 100] ^= 0xff
    await writeFile(set.sources.zkey as string, zkey)
    const fetched = createProver({ artifacts: { baseUrl: `${baseUrl}tampered` }, cache: false })
    const error = await expectError(fetched.prove({ ...proveArgs, vkeyHash: other.vkeyHash }), ArtifactIntegrityError)
    expect(error).toMatchObject({ artifact: 'zkey', check: 'sha256' })
    await fetched.dispose()
  })
})

describe('the single-set config', () => {
  test('unchanged without a key; with the verifier key it does not have: VerificationKeyNotAvailableError naming its own', async () => {
    const single = createProver({ artifacts: committedArtifacts() })
    expect((await single.prove(proveArgs)).vkeyHash).toBe(committed.vkeyHash)
    expect((await single.prove({ ...proveArgs, vkeyHash: committed.vkeyHash })).vkeyHash).toBe(committed.vkeyHash)
    const error = await expectError(single.prove({ ...proveArgs, vkeyHash: other.vkeyHash }), VerificationKeyNotAvailableError)
    expect(error).toMatchObject({ expected: other.vkeyHash, available: [committed.vkeyHash] })
    await single.dispose()
    // expectedVkeyHash keeps its own error.
    const pinned = createProver({ artifacts: committedArtifacts(), expectedVkeyHash: other.vkeyHash })
    await expectError(pinned.prove(proveArgs), VerificationKeyMismatchError)
    await pinned.dispose()
  })
})
