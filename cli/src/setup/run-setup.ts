import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { createRequire } from 'node:module'
import * as snarkjs from 'snarkjs'
import { hashVerificationKey, type VerificationKey } from '@proofx/sdk'
import { compileCircuit } from './compile-circuit.js'
import { runPhase1, runPhase2, type Beacon, type Contribution } from './ceremony.js'
import { exportArtifacts } from './export-artifacts.js'
import { hashFile, type FileDigest } from './hash-file.js'
import { measureProving } from './measure-proving.js'

const require = createRequire(import.meta.url)

export type RunSetupParameters = {
  root: string
  circuit: string
  /** Where wasm, zkey, r1cs, verification_key.json and manifest.json go. */
  artifactsDir: string
  /** Where the prepared .ptau and the transcript go. */
  ceremonyDir: string
  /** Where Groth16Verifier.sol goes. */
  verifierOut: string
  power: number
  phase1Contributors: string[]
  phase2Contributors: string[]
  beacon: Beacon
  externalPtau?: string
  publicSignals: string[]
  version: string
  /** A valid witness input: when given, one proof is timed and the manifest records provingTimeMs. */
  sampleInput?: Record<string, unknown>
  logger?: snarkjs.Logger
}

export type SetupManifest = {
  version: string
  circuit: string
  constraints: number
  publicSignals: string[]
  domainSize: number
  /**
   * hashVerificationKey of verification_key.json: what the verifier contract's `vkeyHash()` reports while it verifies
   * with this key (deployProofX passes the same value), and the name a dApp publishes this set under.
   */
  vkeyHash: `0x${string}`
  files: { wasm: FileDigest; zkey: FileDigest; r1cs: FileDigest; vkey: FileDigest; verifier: FileDigest; ptau: FileDigest }
  ceremony: { power: number; externalPtau: boolean; beacon: Beacon; contributions: Contribution[] }
  tools: { circom: string; snarkjs: string; node: string }
  /** Size of the proving key the browser downloads. */
  zkeyBytes: number
  /** Median groth16.fullProve time on the machine that ran the setup (measureProving); absent without a sample input. */
  provingTimeMs?: number
  provingMachine?: string
  createdAt: string
}

/** The whole pipeline: compile, phase 1 (or an external ptau), phase 2, verify, export, manifest. */
export async function runSetup(p: RunSetupParameters): Promise<SetupManifest> {
  // snarkjs accepts 2^10..2^63 beacon iterations and a hex beacon; it only logs a refusal, so check first.
  if (!Number.isInteger(p.beacon.iterationsExp) || p.beacon.iterationsExp < 10 || p.beacon.iterationsExp > 63)
    throw new RangeError(`beacon.iterationsExp must be an integer from 10 to 63, got ${p.beacon.iterationsExp}`)
  if (!/^([0-9a-fA-F]{2})+$/.test(p.beacon.hash)) throw new RangeError('beacon.hash must be an even-length hex string without 0x')
  const work = await mkdtemp(join(tmpdir(), 'proofx-setup-'))
  try {
    await mkdir(p.artifactsDir, { recursive: true })
    await mkdir(p.ceremonyDir, { recursive: true })
    const compiled = await compileCircuit({ root: p.root, circuit: p.circuit, outDir: join(work, 'build') })
    const name = basename(p.circuit, '.circom')
    const info = await snarkjs.r1cs.info(compiled.r1cs)
    const domainSize = 2 ** Math.ceil(Math.log2(info.nConstraints + info.nPubInputs + info.nOutputs + 1))
    if (domainSize > 2 ** p.power) throw new Error(`circuit needs 2^${Math.log2(domainSize)} powers of tau, setup was given 2^${p.power}`)

    const phase1 = await runPhase1({
      workDir: work,
      power: p.power,
      contributors: p.phase1Contributors,
      beacon: p.beacon,
      externalPtau: p.externalPtau,
      logger: p.logger,
    })
    const phase2 = await runPhase2({
      workDir: work,
      name,
      r1cs: compiled.r1cs,
      ptau: phase1.ptau,
      contributors: p.phase2Contributors,
      beacon: p.beacon,
      logger: p.logger,
    })
    if (!(await snarkjs.zKey.verifyFromR1cs(compiled.r1cs, phase1.ptau, phase2.zkey, p.logger)))
      throw new Error('the final zkey does not verify against the r1cs and the ptau')

    const out = {
      wasm: join(p.artifactsDir, `${name}.wasm`),
      zkey: join(p.artifactsDir, `${name}.zkey`),
      r1cs: join(p.artifactsDir, `${name}.r1cs`),
      vkey: join(p.artifactsDir, 'verification_key.json'),
      ptau: join(p.ceremonyDir, basename(phase1.ptau)),
    }
    await copyFile(compiled.wasm, out.wasm)
    await copyFile(phase2.zkey, out.zkey)
    await copyFile(compiled.r1cs, out.r1cs)
    await copyFile(phase1.ptau, out.ptau)
    await exportArtifacts({ zkey: out.zkey, vkeyOut: out.vkey, verifierOut: p.verifierOut, logger: p.logger })

    const rel = (f: string) => hashFile(f).then((d) => ({ ...d, path: relative(p.root, f) }))
    const manifest: SetupManifest = {
      version: p.version,
      circuit: relative(p.root, join(p.root, p.circuit)),
      constraints: info.nConstraints,
      publicSignals: p.publicSignals,
      domainSize,
      vkeyHash: hashVerificationKey(JSON.parse(await readFile(out.vkey, 'utf8')) as VerificationKey),
      files: {
        wasm: await rel(out.wasm),
        zkey: await rel(out.zkey),
        r1cs: await rel(out.r1cs),
        vkey: await rel(out.vkey),
        verifier: await rel(p.verifierOut),
        ptau: await rel(out.ptau),
      },
      ceremony: { power: p.power, externalPtau: Boolean(p.externalPtau), beacon: p.beacon, contributions: [...phase1.contributions, ...phase2.contributions] },
      tools: { circom: await circomVersion(), snarkjs: packageVersion('snarkjs'), node: process.version },
      zkeyBytes: (await stat(out.zkey)).size,
      ...(p.sampleInput ? await measured(out.wasm, out.zkey, p.sampleInput) : {}),
      createdAt: new Date().toISOString(),
    }
    await writeFile(join(p.artifactsDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    return manifest
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

async function measured(wasm: string, zkey: string, input: Record<string, unknown>): Promise<Pick<SetupManifest, 'provingTimeMs' | 'provingMachine'>> {
  const { provingTimeMs, machine } = await measureProving({ wasm, zkey, input })
  return { provingTimeMs, provingMachine: machine }
}

// Some packages (snarkjs) hide package.json behind their exports map: walk up from the entry point.
function packageVersion(name: string): string {
  let dir = dirname(require.resolve(name))
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) {
    const parent = dirname(dir)
    if (parent === dir) return 'unknown'
    dir = parent
  }
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
}

async function circomVersion(): Promise<string> {
  return `circom2 ${packageVersion('circom2')}`
}

export async function readManifest(artifactsDir: string): Promise<SetupManifest> {
  return JSON.parse(await readFile(join(artifactsDir, 'manifest.json'), 'utf8'))
}
