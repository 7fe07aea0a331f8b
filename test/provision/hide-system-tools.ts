// A machine without the system tools, on this one: a private mount namespace in which /usr/bin is an
// overlay whose upper layer whites out the given programs. Other processes still see them.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const canHideSystemTools = () => process.getuid?.() === 0 && spawnSync('unshare', ['--mount', 'true']).status === 0

/** Runs `command` with `hidden` (names in /usr/bin) gone; needs root (unshare + overlayfs). */
export function runWithoutSystemTools(hidden: readonly string[], command: string, options: { cwd: string; timeout: number }): SpawnSyncReturns<string> {
  const dir = mkdtempSync(join(tmpdir(), 'proofx-no-tools-'))
  try {
    // An overlay whiteout is a 0:0 character device named like the file it hides.
    const whiteouts = hidden.map((name) => `mknod ${dir}/upper/${name} c 0 0`).join(' && ')
    const script = `mkdir -p ${dir}/upper ${dir}/work && ${whiteouts} && mount -t overlay overlay -o lowerdir=/usr/bin,upperdir=${dir}/upper,workdir=${dir}/work /usr/bin && ${command}`
    return spawnSync('unshare', ['--mount', '--propagation', 'private', 'bash', '-c', script], {
      ...options,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
