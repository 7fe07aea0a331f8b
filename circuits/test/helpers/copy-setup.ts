import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import type { SetupManifest } from '@proofx/cli'

/**
 * Copies every file a setup manifest names into `to`, with a manifest whose paths point at the copies,
 * so a test can tamper with one file and re-verify without touching the original.
 */
export async function copySetup({
  root,
  artifactsDir,
  to,
}: {
  root: string
  artifactsDir: string
  to: string
}): Promise<{ manifest: SetupManifest; path: (key: keyof SetupManifest['files']) => string }> {
  await mkdir(to, { recursive: true })
  const manifest: SetupManifest = JSON.parse(await readFile(join(artifactsDir, 'manifest.json'), 'utf8'))
  for (const digest of Object.values(manifest.files)) {
    const copy = join(to, basename(digest.path))
    await copyFile(join(root, digest.path), copy)
    digest.path = relative(root, copy)
  }
  await writeFile(join(to, 'manifest.json'), JSON.stringify(manifest, null, 2))
  return { manifest, path: (key) => join(root, manifest.files[key].path) }
}
