// A second real artifact set without a ceremony: a fresh phase-2 contribution on the committed zkey gives new
// proving and verification keys for the same circuit (about 15 s on a 2-core machine), published the way a dApp
// publishes a set: manifest.json (sha256 of each file, vkeyHash) next to the files.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import * as snarkjs from 'snarkjs'
import { ARTIFACT_FILES, artifactSourcesAt, hashVerificationKey, type ArtifactManifest, type ArtifactSources, type VerificationKey } from '@proofx/sdk'
import { artifactPath } from './committed-artifacts.js'

export type PublishedTestSet = { dir: string; vkeyHash: `0x${string}`; vkey: VerificationKey; sources: ArtifactSources }

/** Writes `vkeyHash/`-named set folders under `baseDir` the way `${baseUrl}/${vkeyHash}/manifest.json` expects them. */
export async function publishArtifactSet(baseDir: string, files: { wasm: string; zkey: string; vkey: string }, version: string): Promise<PublishedTestSet> {
  const vkey = JSON.parse(await readFile(files.vkey, 'utf8')) as VerificationKey
  const vkeyHash = hashVerificationKey(vkey)
  const dir = join(baseDir, vkeyHash)
  await mkdir(dir, { recursive: true })
  const entries: Partial<ArtifactManifest['files']> = {}
  for (const kind of ['wasm', 'zkey', 'vkey'] as const) {
    const target = join(dir, ARTIFACT_FILES[kind])
    await copyFile(files[kind], target)
    const bytes = await readFile(target)
    entries[kind] = { path: ARTIFACT_FILES[kind], sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength }
  }
  const manifest: ArtifactManifest = { version, vkeyHash, files: entries as ArtifactManifest['files'] }
  await writeFile(join(dir, ARTIFACT_FILES.manifest), JSON.stringify(manifest, null, 2))
  return { dir, vkeyHash, vkey, sources: artifactSourcesAt((file) => join(dir, file)) }
}

/** The committed set re-keyed by one more phase-2 contribution, published under `baseDir`. */
export async function rekeyedArtifactSet(baseDir: string): Promise<PublishedTestSet> {
  const work = join(baseDir, 'rekey-work')
  await mkdir(work, { recursive: true })
  const zkey = join(work, 'compliance.zkey')
  await snarkjs.zKey.contribute(artifactPath('compliance.zkey'), zkey, 'test: re-keyed set', randomBytes(32).toString('hex'))
  const vkey = join(work, 'verification_key.json')
  await writeFile(vkey, JSON.stringify(await snarkjs.zKey.exportVerificationKey(zkey), null, 1))
  return publishArtifactSet(baseDir, { wasm: artifactPath('compliance.wasm'), zkey, vkey }, 'rekeyed')
}
