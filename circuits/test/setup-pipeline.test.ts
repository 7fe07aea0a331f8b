import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import * as snarkjs from 'snarkjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hashFile, verifyZkeyTranscript, runSetup, type RunSetupParameters, type SetupManifest, verifySetup } from '@proofx/cli'
import { hashVerificationKey } from '@proofx/sdk'
import { REPO_ROOT, TEST_BUILD_DIR } from './helpers/compile-for-test.js'
import { binSections } from './helpers/bin-sections.js'
import { copySetup } from './helpers/copy-setup.js'
import { terminateCurves } from './helpers/terminate-curves.js'

const run = promisify(execFile)
const work = join(TEST_BUILD_DIR, `setup-${process.pid}-${Date.now().toString(36)}`)
const first = join(work, 'first')
const second = join(work, 'external-ptau')
// 17 * 23 = 391: a valid witness of circuits/tiny/tiny.circom.
const sampleInput = { product: 391, a: 17, b: 23 }

const tinySetup = (dir: string, overrides: Partial<RunSetupParameters> = {}): RunSetupParameters => ({
  root: REPO_ROOT,
  circuit: 'circuits/tiny/tiny.circom',
  artifactsDir: join(dir, 'artifacts'),
  ceremonyDir: join(dir, 'ceremony'),
  verifierOut: join(dir, 'TinyVerifier.sol'),
  power: 8,
  phase1Contributors: ['ci-alice', 'ci-bob'],
  phase2Contributors: ['ci-alice', 'ci-bob'],
  beacon: { hash: '5eed'.repeat(16), iterationsExp: 10 },
  publicSignals: ['product'],
  version: 'ci',
  sampleInput,
  ...overrides,
})

let manifest: SetupManifest

beforeAll(async () => {
  await mkdir(work, { recursive: true })
  manifest = await runSetup(tinySetup(first))
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
  await terminateCurves()
})

describe('the trusted-setup pipeline, end to end on circuits/tiny/tiny.circom (2^8)', () => {
  test('writes a manifest with the figures, the hashes of every file and 2 contributions + a beacon per phase', async () => {
    expect(manifest.constraints).toBe((await snarkjs.r1cs.info(join(first, 'artifacts/tiny.r1cs'))).nConstraints)
    expect(manifest.domainSize).toBeLessThanOrEqual(2 ** 8)
    expect(manifest.ceremony.externalPtau).toBe(false)
    expect(manifest.ceremony.contributions.map((c) => `${c.phase}:${c.name}`)).toEqual([
      '1:ci-alice',
      '1:ci-bob',
      '1:Final beacon phase 1',
      '2:ci-alice',
      '2:ci-bob',
      '2:Final beacon phase 2',
    ])
    expect(new Set(manifest.ceremony.contributions.map((c) => c.hash)).size).toBe(6)
    expect(manifest.zkeyBytes).toBe(manifest.files.zkey.bytes)
    expect(manifest.provingTimeMs).toBeGreaterThan(0)
    // What the verifier contract reports while it uses this key: hashVerificationKey, the SDK's one definition.
    expect(manifest.vkeyHash).toBe(hashVerificationKey(JSON.parse(await readFile(join(REPO_ROOT, manifest.files.vkey.path), 'utf8'))))
    for (const digest of Object.values(manifest.files)) expect((await hashFile(join(REPO_ROOT, digest.path))).sha256).toBe(digest.sha256)
  })

  test('re-verifies: ptau and zkey transcripts, contribution hashes, sha256s, vkey and Solidity verifier', async () => {
    const report = await verifySetup({ root: REPO_ROOT, artifactsDir: join(first, 'artifacts') })
    expect(report.checks.filter((c) => !c.ok)).toEqual([])
    expect(report.checks.length).toBeGreaterThanOrEqual(12)
    expect(report.contributions).toEqual(manifest.ceremony.contributions)
  })

  test('`proofx setup-verify` exits 0 on the result', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--conditions=@proofx/source', '--import', 'tsx', 'cli/src/cli/proofx.ts', 'setup-verify', '--artifacts', join(first, 'artifacts')],
      { cwd: REPO_ROOT },
    )
    expect(stdout).toContain('setup verified')
    for (const c of manifest.ceremony.contributions) expect(stdout).toContain(c.hash)
  })

  test('a proof made with the result verifies against its verification key', async () => {
    const vkey = JSON.parse(await readFile(join(first, 'artifacts/verification_key.json'), 'utf8'))
    const { proof, publicSignals } = await snarkjs.groth16.fullProve(sampleInput, join(first, 'artifacts/tiny.wasm'), join(first, 'artifacts/tiny.zkey'))
    expect(publicSignals).toEqual(['391'])
    expect(await snarkjs.groth16.verify(vkey, publicSignals, proof)).toBe(true)
    expect(await snarkjs.groth16.verify(vkey, ['392'], proof)).toBe(false)
  })

  test('a tampered zkey fails verification, even with its manifest hash updated', async () => {
    const copy = await copySetup({ root: REPO_ROOT, artifactsDir: join(first, 'artifacts'), to: join(work, 'tampered') })
    const zkey = await readFile(copy.path('zkey'))
    // Swap the first two points of section 9 (H, the points the prover multiplies the quotient with): every point
    // stays on the curve and the file stays well formed, only the key is wrong.
    const h = binSections(zkey).get(9)!
    const G1 = 64
    const firstPoint = Buffer.from(zkey.subarray(h.offset, h.offset + G1))
    zkey.copy(zkey, h.offset, h.offset + G1, h.offset + 2 * G1)
    firstPoint.copy(zkey, h.offset + G1)
    await writeFile(copy.path('zkey'), zkey)
    expect((await verifyZkeyTranscript(copy.path('r1cs'), copy.path('ptau'), copy.path('zkey'))).valid).toBe(false)

    const stale = await verifySetup({ root: REPO_ROOT, artifactsDir: join(work, 'tampered') })
    expect(stale.ok).toBe(false)
    const staleFailures = stale.checks.filter((c) => !c.ok).map((c) => c.name)
    expect(staleFailures).toEqual(expect.arrayContaining([expect.stringContaining('sha256 of zkey'), 'phase 2: zkey verify against the r1cs and the ptau']))
    // Nothing outside phase 2 is blamed (an unverified zkey also yields no contribution hashes to compare).
    for (const name of staleFailures) expect(name).toMatch(/zkey|phase 2/)

    copy.manifest.files.zkey = { ...(await hashFile(copy.path('zkey'))), path: copy.manifest.files.zkey.path }
    await writeFile(join(work, 'tampered/manifest.json'), JSON.stringify(copy.manifest))
    const rehashed = await verifySetup({ root: REPO_ROOT, artifactsDir: join(work, 'tampered') })
    expect(rehashed.checks.filter((c) => !c.ok).map((c) => c.name)).toContain('phase 2: zkey verify against the r1cs and the ptau')
    expect(rehashed.checks.filter((c) => c.name.startsWith('sha256')).every((c) => c.ok)).toBe(true)

    const cli = run(
      process.execPath,
      ['--conditions=@proofx/source', '--import', 'tsx', 'cli/src/cli/proofx.ts', 'setup-verify', '--artifacts', join(work, 'tampered')],
      { cwd: REPO_ROOT },
    )
    await expect(cli).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('phase 2: zkey verify') })
  })

  test('a missing file fails its own checks, and every other check still runs', async () => {
    const copy = await copySetup({ root: REPO_ROOT, artifactsDir: join(first, 'artifacts'), to: join(work, 'missing') })
    await rm(copy.path('vkey'))
    const report = await verifySetup({ root: REPO_ROOT, artifactsDir: join(work, 'missing') })
    expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual([
      expect.stringContaining('sha256 of vkey'),
      'verification_key.json is the one the zkey exports',
      'the manifest vkeyHash is hashVerificationKey(verification_key.json)',
    ])
    expect(report.checks.find((c) => c.name.startsWith('sha256 of vkey'))?.detail).toContain('ENOENT')
  })

  test('takes an external .ptau (the first run’s) instead of running phase 1', async () => {
    const external = await runSetup(
      tinySetup(second, { externalPtau: join(first, 'ceremony/pot8_final.ptau'), phase1Contributors: [], sampleInput: undefined }),
    )
    expect(external.ceremony.externalPtau).toBe(true)
    expect(external.ceremony.contributions.map((c) => `${c.phase}:${c.name}`)).toEqual(['2:ci-alice', '2:ci-bob', '2:Final beacon phase 2'])
    expect(external.files.ptau.sha256).toBe(manifest.files.ptau.sha256)
    expect(external.provingTimeMs).toBeUndefined()

    const report = await verifySetup({ root: REPO_ROOT, artifactsDir: join(second, 'artifacts') })
    expect(report.checks.filter((c) => !c.ok)).toEqual([])
    // The ptau's own phase-1 contributions are still read from it and shown.
    expect(report.contributions.filter((c) => c.phase === 1).map((c) => c.name)).toEqual(['ci-alice', 'ci-bob', 'Final beacon phase 1'])

    const vkey = JSON.parse(await readFile(join(second, 'artifacts/verification_key.json'), 'utf8'))
    const { proof, publicSignals } = await snarkjs.groth16.fullProve(sampleInput, join(second, 'artifacts/tiny.wasm'), join(second, 'artifacts/tiny.zkey'))
    expect(await snarkjs.groth16.verify(vkey, publicSignals, proof)).toBe(true)
  })
})
