import { readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import * as snarkjs from 'snarkjs'
import { hashVerificationKey } from '@proofx/sdk'
import type { Contribution } from './ceremony.js'
import { compareContributions } from './compare-contributions.js'
import { renderSolidityVerifier, renderVerificationKey } from './export-artifacts.js'
import { hashFile } from './hash-file.js'
import { verifyPtauTranscript, verifyZkeyTranscript, type TranscriptContribution } from './read-transcript.js'
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
 * A missing or unreadable file fails its check (with the reason) instead of aborting the others.
 */
export async function verifySetup({ root, artifactsDir }: VerifySetupParameters): Promise<VerifySetupReport> {
  const manifest = await readManifest(artifactsDir)
  const at = (p: string) => (isAbsolute(p) ? p : join(root, p))
  const { files } = manifest
  const checks: SetupCheck[] = []
  const check = async (name: string, run: () => Promise<boolean | { ok: boolean; detail?: string }>) => {
    try {
      const result = await run()
      checks.push(typeof result === 'boolean' ? { name, ok: result } : { name, ...result })
    } catch (error) {
      checks.push({ name, ok: false, detail: error instanceof Error ? error.message : String(error) })
    }
  }

  for (const [key, digest] of Object.entries(files)) {
    await check(`sha256 of ${key} (${digest.path})`, async () => {
      const actual = await hashFile(at(digest.path))
      const ok = actual.sha256 === digest.sha256 && actual.bytes === digest.bytes
      return { ok, detail: ok ? undefined : `manifest ${digest.sha256} (${digest.bytes} bytes), file ${actual.sha256} (${actual.bytes} bytes)` }
    })
  }

  await check('constraint count', async () => {
    const { nConstraints } = await snarkjs.r1cs.info(at(files.r1cs.path))
    return { ok: nConstraints === manifest.constraints, detail: `r1cs ${nConstraints}, manifest ${manifest.constraints}` }
  })

  let phase1: TranscriptContribution[] = []
  let phase2: TranscriptContribution[] = []
  await check('phase 1: powersoftau verify of the ptau', async () => {
    const result = await verifyPtauTranscript(at(files.ptau.path))
    phase1 = result.contributions
    return result.valid
  })
  await check('phase 2: zkey verify against the r1cs and the ptau', async () => {
    const result = await verifyZkeyTranscript(at(files.r1cs.path), at(files.ptau.path), at(files.zkey.path))
    phase2 = result.contributions
    return result.valid
  })
  const contributions: Contribution[] = [...phase1.map((c) => ({ phase: 1 as const, ...c })), ...phase2.map((c) => ({ phase: 2 as const, ...c }))]
  checks.push(...compareContributions(manifest, contributions))

  await check(
    'verification_key.json is the one the zkey exports',
    async () => (await renderVerificationKey(at(files.zkey.path))) === (await readFile(at(files.vkey.path), 'utf8')),
  )
  // Manifests written before the field existed have none; a recorded one must be the key's.
  if (manifest.vkeyHash !== undefined)
    await check('the manifest vkeyHash is hashVerificationKey(verification_key.json)', async () => {
      const actual = hashVerificationKey(JSON.parse(await readFile(at(files.vkey.path), 'utf8')))
      return { ok: actual === manifest.vkeyHash, detail: `manifest ${manifest.vkeyHash}, key ${actual}` }
    })
  await check(
    'the Solidity verifier is the one the zkey exports',
    async () => (await renderSolidityVerifier(at(files.zkey.path))) === (await readFile(at(files.verifier.path), 'utf8')),
  )

  return { ok: checks.every((c) => c.ok), checks, contributions, manifest }
}
