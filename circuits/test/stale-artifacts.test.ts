import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as snarkjs from 'snarkjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BATCH_VERIFIER_COMMAND, BATCH_VERIFIER_PATH, renderBatchVerifier } from '../../contracts/script/batch-verifier/render-batch-verifier.js'
import { hashVerificationKey, PUBLIC_SIGNAL_COUNT, PUBLIC_SIGNAL_NAMES } from '@proofx/sdk'
import { renderSolidityVerifier, renderVerificationKey, hashFile, readManifest, type SetupManifest } from '@proofx/cli'
import { compileForTest, REPO_ROOT, type TestBuild } from './helpers/compile-for-test.js'
import { readSymbols } from './helpers/read-symbols.js'
import { PUBLIC_SIGNALS } from './helpers/sample-credential.js'
import { terminateCurves } from './helpers/terminate-curves.js'

// Stale artifacts (a circuit changed, the zkey/wasm/verifier not regenerated) were a failure of the original system:
// every committed artifact must still follow from the source and from the committed zkey. Both circuit versions are
// kept: v2 (current, circuits/artifacts) and v1 (circuits/artifacts/v1, from circuits/v1), which deployments still on
// v1 and the Scenario B drill prove with.
const VERSIONS = [
  {
    version: '2',
    artifacts: 'circuits/artifacts',
    circuit: 'circuits/compliance.circom',
    verifier: 'contracts/src/Groth16Verifier_v2.sol',
    verifierContract: 'Groth16Verifier_v2',
    transcript: 'circuits/ceremony/TRANSCRIPT.md',
    constraints: 8165,
  },
  {
    version: '1',
    artifacts: 'circuits/artifacts/v1',
    circuit: 'circuits/v1/compliance.circom',
    verifier: 'contracts/src/Groth16Verifier.sol',
    verifierContract: 'Groth16Verifier',
    transcript: 'circuits/artifacts/v1/TRANSCRIPT.md',
    constraints: 8132,
  },
] as const

afterAll(async () => {
  await terminateCurves()
})

describe.each(VERSIONS)('committed artifacts of circuit v$version are not stale', (v) => {
  const artifacts = join(REPO_ROOT, v.artifacts)
  const zkey = join(artifacts, 'compliance.zkey')
  let manifest: SetupManifest
  let build: TestBuild

  beforeAll(async () => {
    manifest = await readManifest(artifacts)
    build = await compileForTest(manifest.circuit)
  })

  afterAll(async () => {
    await build?.remove()
  })

  // circom2 output is byte-deterministic (same source, same compiler => same r1cs and wasm), so sha256 is enough.
  test('the r1cs compiled from the current source is the committed one', async () => {
    expect((await hashFile(build.r1cs)).sha256).toBe(manifest.files.r1cs.sha256)
  })

  test('the wasm compiled from the current source is the committed one', async () => {
    expect((await hashFile(build.wasm)).sha256).toBe(manifest.files.wasm.sha256)
  })

  test('every file the manifest lists has the recorded sha256 and size', async () => {
    expect(Object.keys(manifest.files).sort()).toEqual(['ptau', 'r1cs', 'verifier', 'vkey', 'wasm', 'zkey'])
    for (const [key, digest] of Object.entries(manifest.files)) {
      const actual = await hashFile(join(REPO_ROOT, digest.path))
      expect({ key, sha256: actual.sha256, bytes: actual.bytes }).toEqual({ key, sha256: digest.sha256, bytes: digest.bytes })
    }
  })

  test('the manifest points at the committed locations and documents the version, the signal order and the figures', async () => {
    expect(manifest.version).toBe(v.version)
    expect(manifest.circuit).toBe(v.circuit)
    expect(manifest.files.verifier.path).toBe(v.verifier)
    expect(manifest.verifierContract ?? 'Groth16Verifier').toBe(v.verifierContract)
    expect(manifest.files.zkey.path).toBe(`${v.artifacts}/compliance.zkey`)
    expect(manifest.publicSignals).toEqual([...PUBLIC_SIGNALS])
    const info = await snarkjs.r1cs.info(build.r1cs)
    expect(manifest.constraints).toBe(info.nConstraints)
    expect(manifest.constraints).toBe(v.constraints)
    expect(manifest.domainSize).toBe(2 ** 13)
    expect(manifest.zkeyBytes).toBe(manifest.files.zkey.bytes)
    expect(manifest.provingTimeMs).toBeGreaterThan(0)
  })

  // The SDK writes the layout once (sdk/src/credentials/public-signals.ts); everything else derives from it.
  test("the SDK's public-signal layout is the circuit's: main.<name> at witness 1..n, and the committed r1cs has n public inputs and no outputs", async () => {
    const symbols = await readSymbols(build.sym)
    expect(PUBLIC_SIGNAL_NAMES.map((name) => symbols.get(`main.${name}`))).toEqual(PUBLIC_SIGNAL_NAMES.map((_, i) => i + 1))
    const committed = await snarkjs.r1cs.info(join(REPO_ROOT, manifest.files.r1cs.path))
    expect({ outputs: committed.nOutputs, publicInputs: committed.nPubInputs }).toEqual({ outputs: 0, publicInputs: PUBLIC_SIGNAL_COUNT })
  })

  test('verification_key.json is exactly what the committed zkey exports', async () => {
    const committed = await readFile(join(artifacts, 'verification_key.json'), 'utf8')
    const exported = await renderVerificationKey(zkey)
    expect(JSON.parse(committed)).toEqual(JSON.parse(exported))
    expect(committed).toBe(exported)
    expect(JSON.parse(committed).nPublic).toBe(PUBLIC_SIGNALS.length)
  })

  test(`${v.transcript} lists exactly the contributions of the manifest`, async () => {
    const notes = await readFile(join(REPO_ROOT, v.transcript), 'utf8')
    const rows = [...notes.matchAll(/^\| (\d) \| (.+?) \| `([0-9a-f]{128})` \|$/gm)].map((m) => ({ phase: Number(m[1]), name: m[2], hash: m[3] }))
    expect(rows).toEqual(manifest.ceremony.contributions)
    expect(notes).toContain(manifest.ceremony.beacon.hash)
  })

  test(`${v.verifier} is exactly what snarkjs exports from the committed zkey (contract ${v.verifierContract})`, async () => {
    const committed = await readFile(join(REPO_ROOT, v.verifier), 'utf8')
    expect(committed).toBe(await renderSolidityVerifier(zkey, undefined, v.verifierContract))
    expect(committed).toContain(`contract ${v.verifierContract} {`)
  })
})

// The zkey exports verification_key.json (checked above), and the batch verifier is generated from that file: so
// both Solidity verifiers of the current circuit embed the committed zkey's key.
test(`${BATCH_VERIFIER_PATH} is exactly what \`${BATCH_VERIFIER_COMMAND}\` generates from the current (v2) zkey's verification key`, async () => {
  const committed = await readFile(join(REPO_ROOT, BATCH_VERIFIER_PATH), 'utf8')
  const vkey = JSON.parse(await renderVerificationKey(join(REPO_ROOT, 'circuits/artifacts/compliance.zkey')))
  expect(committed.split('\n')[0]).toMatch(
    /^\/\/ Generated by contracts\/script\/generate-batch-verifier\.ts from circuits\/artifacts\/verification_key\.json: do not edit/,
  )
  expect(committed).toBe(renderBatchVerifier(vkey))
  expect(committed).toContain(`bytes32 public constant VKEY_HASH = ${hashVerificationKey(vkey)};`)
})
