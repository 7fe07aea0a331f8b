import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, expect, test } from 'vitest'
import * as committed from './abi.js'

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')
const bin = join(root, 'node_modules/.bin')
const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'proofx-abi-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// The ABI does not depend on the optimizer or the extra outputs, so the fresh build skips them (about half the time).
const fastBuild = { FOUNDRY_OPTIMIZER: 'false', FOUNDRY_BUILD_INFO: 'false', FOUNDRY_AST: 'false', FOUNDRY_EXTRA_OUTPUT: '[]' }

test('sdk/src/chain/abi.ts is what wagmi generates from a fresh Foundry build (regenerate: npx forge build && npx wagmi generate)', async () => {
  const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` }
  await run(join(bin, 'forge'), ['build', 'contracts/src', '--out', join(dir, 'out'), '--cache-path', join(dir, 'cache')], {
    cwd: root,
    env: { ...env, ...fastBuild },
    maxBuffer: 64 << 20,
  })
  const out = join(dir, 'abi.ts')
  await run(join(bin, 'wagmi'), ['generate'], { cwd: root, env: { ...env, PROOFX_ABI_ARTIFACTS: join(dir, 'out'), PROOFX_ABI_OUT: out }, maxBuffer: 64 << 20 })

  // Compared as values, so a formatter's layout of the committed file does not matter; a changed, added or
  // removed ABI entry (or export) does.
  const fresh: Record<string, unknown> = await import(/* @vite-ignore */ out)
  expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort())
  for (const name of Object.keys(fresh)) expect((committed as Record<string, unknown>)[name], name).toEqual(fresh[name])
}, 600_000)
