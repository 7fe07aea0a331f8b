import { readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import * as snarkjs from 'snarkjs'
import type { Contribution } from './ceremony.js'
import { renderSolidityVerifier, renderVerificationKey } from './export-artifacts.js'
import { hashFile } from './hash-file.js'
import { compareContributions } from './compare-contributions.js'
import { verifyPtauTranscript, verifyZkeyTranscript } from './read-transcript.js'
import { readManifest, type SetupManifest } from './run-setup.js'

export type SetupCheck = { name: string; ok: boolean; detail?: string }

export type VerifySetupReport = {
  ok: boolean
  checks: SetupCheck[]
  /** The contributions as the transcript files record them (phase 1 from the ptau, phase 2 from the zkey). */
  contributions: Contribution[]
  manifest: SetupManifest
}

export type VerifySetupParameters = {
  /** Root the manifest's paths are relative to. */
  root: string
  /** Folder of manifest.json. */
  artifactsDir: string
}

/**
 * Re-verifies a trusted setup from its files alone: every sha256 of the manifest, the phase-1 transcript
 * (powersoftau verify of the ptau), the phase-2 transcript (zkey verify against r1cs + ptau), that the contribution
 * hashes in the files are the ones the manifest lists, and that the vkey and Solidity verifier come from the zkey.
 */
export async function verifySetup({ root, artifactsDir }: VerifySetupParameters): Promise<VerifySetupReport> {
  const manifest = await readManifest(artifactsDir)
  const at = (p: string) => (isAbsolute(p) ? p : join(root, p))
  const files = manifest.files
  const checks: SetupCheck[] = []

  for (const [key, digest] of Object.entries(files)) {
    const actual = await hashFile(at(digest.path)).catch((e: Error) => ({ sha256: `unreadable: ${e.message}`, bytes: -1 }))
    checks.push({ name: `sha256 of ${key} (${digest.path})`, ok: actual.sha256 === digest.sha256 && actual.bytes === digest.bytes, detail: actual.sha256 === digest.sha256 ? undefined : `manifest ${digest.sha256}, file ${actual.sha256}` })
  }

  const info = await snarkjs.r1cs.info(at(files.r1cs.path))
  checks.push({ name: 'constraint count', ok: info.nConstraints === manifest.constraints, detail: `r1cs ${info.nConstraints}, manifest ${manifest.constraints}` })

  const phase1 = await verifyPtauTranscript(at(files.ptau.path))
  checks.push({ name: 'phase 1: powersoftau verify of the ptau', ok: phase1.valid })
  const phase2 = await verifyZkeyTranscript(at(files.r1cs.path), at(files.ptau.path), at(files.zkey.path))
  checks.push({ name: 'phase 2: zkey verify against the r1cs and the ptau', ok: phase2.valid })

  const contributions: Contribution[] = [
    ...phase1.contributions.map((c) => ({ phase: 1 as const, ...c })),
    ...phase2.contributions.map((c) => ({ phase: 2 as const, ...c })),
  ]
  checks.push(...compareContributions(manifest, contributions))

  const vkey = await renderVerificationKey(at(files.zkey.path))
  checks.push({ name: 'verification_key.json is the one the zkey exports', ok: vkey === (await readFile(at(files.vkey.path), 'utf8')) })
  const solidity = await renderSolidityVerifier(at(files.zkey.path))
  checks.push({ name: 'the Solidity verifier is the one the zkey exports', ok: solidity === (await readFile(at(files.verifier.path), 'utf8')) })

  return { ok: checks.every((c) => c.ok), checks, contributions, manifest }
}
