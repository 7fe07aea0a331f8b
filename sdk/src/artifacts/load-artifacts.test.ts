import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { assertVerificationKeyMatches } from './assert-verification-key-matches.js'
import { hashVerificationKey, type VerificationKey } from './hash-verification-key.js'
import { loadArtifacts } from './load-artifacts.js'
import type { ArtifactProgress } from './types.js'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const entry = (path: string, bytes: Uint8Array) => ({ path, sha256: sha256(bytes), bytes: bytes.byteLength })

let dir: string
let server: Server
let baseUrl: string
const wasm = new Uint8Array(200_000).map((_, i) => i % 251)
const zkey = new Uint8Array(300_000).map((_, i) => (i * 7) % 253)
let vkeyBytes: Uint8Array
let vkey: VerificationKey

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proofx-artifacts-'))
  vkey = JSON.parse(await readFile(new URL('../../../circuits/artifacts/verification_key.json', import.meta.url), 'utf8'))
  vkeyBytes = new TextEncoder().encode(JSON.stringify(vkey))
  const manifest = { version: 'test', files: { wasm: entry('a.wasm', wasm), zkey: entry('a.zkey', zkey), vkey: entry('vk.json', vkeyBytes) } }
  await writeFile(join(dir, 'a.wasm'), wasm)
  await writeFile(join(dir, 'a.zkey'), zkey)
  await writeFile(join(dir, 'vk.json'), vkeyBytes)
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest))
  const corrupted = zkey.slice()
  corrupted[1234] ^= 1
  await writeFile(join(dir, 'corrupted.zkey'), corrupted)
  server = createServer(async (req, res) => {
    try {
      const body = await readFile(join(dir, req.url!.slice(1)))
      res.writeHead(200, { 'content-length': body.byteLength }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await rm(dir, { recursive: true, force: true })
})

const paths = () => ({ wasm: join(dir, 'a.wasm'), zkey: join(dir, 'a.zkey'), vkey: join(dir, 'vk.json'), manifest: join(dir, 'manifest.json') })

describe('loadArtifacts', () => {
  test('reads paths and file: URLs and checks them against the manifest', async () => {
    const loaded = await loadArtifacts(paths())
    expect(loaded.wasm).toEqual(wasm)
    expect(loaded.zkey).toEqual(zkey)
    expect(loaded.vkey).toEqual(vkey)
    expect(loaded.vkeyHash).toBe(hashVerificationKey(vkey))
    expect(loaded.version).toBe('test')
    const viaUrl = await loadArtifacts({ ...paths(), zkey: pathToFileURL(join(dir, 'a.zkey')) })
    expect(viaUrl.zkey).toEqual(zkey)
  })

  test('refuses a corrupted zkey with ArtifactIntegrityError', async () => {
    const error = await loadArtifacts({ ...paths(), zkey: join(dir, 'corrupted.zkey') }).catch((e) => e)
    expect(error).toMatchObject({ name: 'ArtifactIntegrityError', artifact: 'zkey', expected: sha256(zkey) })
    expect(error.shortMessage).toBe('The zkey artifact failed its integrity check and was refused.')
  })

  test('refuses substituted bytes given directly', async () => {
    await expect(loadArtifacts({ ...paths(), wasm: zkey })).rejects.toMatchObject({ name: 'ArtifactIntegrityError', artifact: 'wasm' })
  })

  test('downloads over http with byte progress, and refuses a corrupted download', async () => {
    const events: ArtifactProgress[] = []
    const loaded = await loadArtifacts(
      { wasm: `${baseUrl}/a.wasm`, zkey: `${baseUrl}/a.zkey`, vkey: `${baseUrl}/vk.json`, manifest: `${baseUrl}/manifest.json` },
      { onProgress: (p) => events.push(p) },
    )
    expect(loaded.zkey).toEqual(zkey)
    const zkeyEvents = events.filter((e) => e.artifact === 'zkey')
    expect(zkeyEvents.at(-1)).toEqual({ artifact: 'zkey', loaded: zkey.byteLength, total: zkey.byteLength, cached: false })
    expect(zkeyEvents.length).toBeGreaterThan(1)
    await expect(
      loadArtifacts({ wasm: `${baseUrl}/a.wasm`, zkey: `${baseUrl}/corrupted.zkey`, vkey: `${baseUrl}/vk.json`, manifest: `${baseUrl}/manifest.json` }),
    ).rejects.toMatchObject({ name: 'ArtifactIntegrityError', artifact: 'zkey' })
  })

  test('a missing file or URL is an ArtifactFetchError naming the source', async () => {
    await expect(loadArtifacts({ ...paths(), wasm: join(dir, 'nope.wasm') })).rejects.toMatchObject({
      name: 'ArtifactFetchError',
      artifact: 'wasm',
      details: 'no such file',
    })
    await expect(loadArtifacts({ ...paths(), zkey: `${baseUrl}/nope.zkey` })).rejects.toMatchObject({
      name: 'ArtifactFetchError',
      artifact: 'zkey',
      details: 'HTTP 404 Not Found',
    })
  })

  test('without a manifest the check must be given or turned off explicitly', async () => {
    const { manifest: _, ...rest } = paths()
    await expect(loadArtifacts(rest)).rejects.toMatchObject({ name: 'InvalidInputError', field: 'artifacts.manifest' })
    await expect(loadArtifacts({ ...rest, integrity: { zkey: sha256(wasm) } })).rejects.toMatchObject({ name: 'ArtifactIntegrityError', artifact: 'zkey' })
    expect((await loadArtifacts({ ...rest, integrity: false })).zkey).toEqual(zkey)
  })
})

describe('assertVerificationKeyMatches', () => {
  test('passes for the same key and refuses another hash', () => {
    expect(() => assertVerificationKeyMatches(vkey, hashVerificationKey(vkey))).not.toThrow()
    const other = `0x${'11'.repeat(32)}` as const
    expect(() => assertVerificationKeyMatches(vkey, other)).toThrowError(
      expect.objectContaining({ name: 'VerificationKeyMismatchError', expected: other, actual: hashVerificationKey(vkey) }),
    )
  })
})
