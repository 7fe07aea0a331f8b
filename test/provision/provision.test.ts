import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { installCommand } from '../../scripts/provision/find-tools.mjs'
import { systemTools } from '../../scripts/provision/system-tools.mjs'
import { canHideSystemTools, runWithoutSystemTools } from './hide-system-tools.js'

// The postinstall that makes `npm install && npm test` work on a fresh Debian machine
// (scripts/provision). Here the machine has the tools, so their absence is staged two ways: a PATH that
// lacks them, and (as root) a mount namespace where /usr/bin no longer holds them.
const root = fileURLToPath(new URL('../../', import.meta.url))
const provision = join(root, 'scripts/provision/provision.mjs')
const packages = systemTools.map((tool) => tool.debianPackage).join(' ')
const asRoot = process.getuid?.() === 0

// A PATH holding only node (and apt-get when asked): none of the system tools.
const scratch = mkdtempSync(join(tmpdir(), 'proofx-path-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
// Another user may not read the checkout (a clone in a 0700 temp dir): it runs a readable copy of the scripts.
chmodSync(scratch, 0o755)
cpSync(join(root, 'scripts/provision'), join(scratch, 'provision'), { recursive: true })
function bareBin(name: string, withAptGet: boolean) {
  const dir = join(scratch, name)
  spawnSync('mkdir', ['-p', dir])
  symlinkSync(process.execPath, join(dir, 'node'))
  if (withAptGet) symlinkSync('/usr/bin/apt-get', join(dir, 'apt-get'))
  return dir
}

function runProvision(path: string, { args = [] as string[], user = undefined as number | undefined } = {}) {
  const node = [process.execPath, user === undefined ? provision : join(scratch, 'provision/provision.mjs'), ...args]
  // As another user: setpriv drops root, as for a developer running `npm install` without sudo.
  const [file, ...rest] = user === undefined ? node : ['/usr/bin/setpriv', `--reuid=${user}`, `--regid=${user}`, '--clear-groups', ...node]
  const result = spawnSync(file!, rest, { cwd: root, encoding: 'utf8', env: { PATH: path, HOME: scratch }, timeout: 30_000 })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe('postinstall provisioning (scripts/provision)', () => {
  test('the install command names every Debian package, with sudo unless root', () => {
    expect(installCommand(systemTools, { root: true })).toBe(`apt-get update && apt-get install -y --no-install-recommends ${packages}`)
    expect(installCommand(systemTools, { root: false })).toBe(`sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages}`)
  })

  test('every tool present: nothing to do', () => {
    const { status, output } = runProvision(process.env.PATH!, { args: ['--dry-run'] })
    expect(status).toBe(0)
    expect(output).toContain(`system tools present: ${systemTools.map((tool) => tool.command).join(', ')}`)
  })

  test.runIf(asRoot)('root with apt-get and none of the tools: installs every package non-interactively (dry run)', () => {
    const { status, output } = runProvision(bareBin('root-apt', true), { args: ['--dry-run'] })
    expect(status).toBe(0)
    expect(output).toContain(`installing ${packages} with apt-get (missing: ${systemTools.map((tool) => tool.command).join(', ')})`)
    expect(output).toContain(`would run apt-get update && apt-get install -y --no-install-recommends ${packages}`)
  })

  test.runIf(asRoot)('not root: prints the one sudo command, installs nothing, does not fail the install', () => {
    const { status, output } = runProvision(bareBin('user-apt', true), { user: 65534 })
    expect(status).toBe(0)
    expect(output).toContain(`sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages}`)
    expect(output).not.toContain('installing')
  })

  test('no apt-get (not Debian): prints the command rather than trying', () => {
    const { status, output } = runProvision(bareBin('no-apt', false))
    expect(status).toBe(0)
    expect(output).toMatch(/ProofX needs programs npm cannot install:\n {2}chromium \(Debian package chromium\)/)
    expect(output).toContain(`apt-get install -y --no-install-recommends ${packages}`)
  })
})

describe.runIf(canHideSystemTools())('a machine without chromium, promtool, kubectl, clang and wasm-ld (mount namespace)', () => {
  const hidden = systemTools.map((tool) => tool.command)

  test('the tools are gone in the namespace and still here outside it', () => {
    const inside = runWithoutSystemTools(hidden, `ls ${hidden.map((name) => `/usr/bin/${name}`).join(' ')}; ls /usr/bin/node`, { cwd: root, timeout: 30_000 })
    expect(inside.stderr.match(/No such file or directory/g)).toHaveLength(hidden.length)
    expect(inside.stdout.trim()).toBe('/usr/bin/node')
    expect(spawnSync('ls', ['/usr/bin/chromium']).status).toBe(0)
  })

  test('postinstall (as root, apt-get present) would install every package of system-tools.mjs', () => {
    const { status, stdout } = runWithoutSystemTools(hidden, `node ${provision} --dry-run`, { cwd: root, timeout: 30_000 })
    expect(status).toBe(0)
    expect(stdout).toContain(`would run apt-get update && apt-get install -y --no-install-recommends ${packages}`)
  })

  test('a test that needs promtool fails with the install command, not ENOENT', () => {
    const { status, stdout, stderr } = runWithoutSystemTools(hidden, 'npx vitest run --project e2e test/ops/prometheus-rules.test.ts', {
      cwd: root,
      timeout: 120_000,
    })
    expect(status).not.toBe(0)
    expect(`${stdout}${stderr}`).toContain('apt-get install -y --no-install-recommends prometheus')
    expect(`${stdout}${stderr}`).not.toContain('ENOENT')
  })

  test('the browser suite stops with the install command before playwright tries to launch Chromium', () => {
    const { status, stdout, stderr } = runWithoutSystemTools(hidden, 'npx vitest run --project browser sdk/src/prover/create-prover.browser.test.ts', {
      cwd: root,
      timeout: 120_000,
    })
    expect(status).not.toBe(0)
    expect(`${stdout}${stderr}`).toContain('chromium (Debian package chromium) for the browser suite')
    expect(`${stdout}${stderr}`).not.toContain("Executable doesn't exist")
  })
})
