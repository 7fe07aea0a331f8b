// `npm install` runs this (the root package's postinstall): installs the Debian packages of missing system
// tools when it can (root, apt-get present), and otherwise prints the one command to run. It never fails the
// install: a test that needs a missing tool fails with the same message (requireTool).
//   node scripts/provision/provision.mjs [--dry-run]     PROOFX_SKIP_PROVISION=1 skips it.
import { spawnSync } from 'node:child_process'
import { describeMissing, findExecutable, findMissingTools, installCommand, isRoot } from './find-tools.mjs'
import { systemTools } from './system-tools.mjs'

const dryRun = process.argv.includes('--dry-run')
const log = (line) => console.log(`[proofx provision] ${line}`)

function main() {
  if (process.env.PROOFX_SKIP_PROVISION === '1') return log('skipped (PROOFX_SKIP_PROVISION=1)')
  const missing = findMissingTools()
  if (missing.length === 0) return log(`system tools present: ${systemTools.map((tool) => tool.command).join(', ')}`)
  const aptGet = findExecutable('apt-get')
  if (!isRoot() || !aptGet) {
    console.warn(describeMissing(missing))
    return
  }
  const packages = [...new Set(missing.map((tool) => tool.debianPackage))]
  log(`installing ${packages.join(' ')} with apt-get (missing: ${missing.map((tool) => tool.command).join(', ')})`)
  if (dryRun) return log(`dry run: would run ${installCommand(missing, { root: true })}`)
  // Non-interactive, no stdin; wait for another apt/dpkg run to finish rather than fail on its lock.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const apt = (args) => spawnSync(aptGet, ['-o', 'DPkg::Lock::Timeout=600', ...args], { stdio: ['ignore', 'inherit', 'inherit'], env }).status
  const ok = apt(['update', '-qq']) === 0 && apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]) === 0
  const still = findMissingTools()
  if (ok && still.length === 0) return log(`installed ${packages.join(' ')}`)
  console.warn(`[proofx provision] apt-get did not install everything.\n${describeMissing(still.length ? still : missing)}`)
}

main()
