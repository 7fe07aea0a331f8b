// Code outside a workspace package reaches it by name (`@proofx/sdk`, `@proofx/cli`, `@proofx/test-helpers/...`),
// never by a relative path into its files, so moving a file inside a package breaks nothing outside it (issue 11).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const PACKAGES = ['sdk', 'cli', 'test-helpers', 'web-demo']
const SOURCE = /\.(ts|tsx|mts|js|mjs|cjs|jsx)$/
/** Relative specifiers of static imports, re-exports and dynamic imports. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g

/** Vite bundles its config before any resolve condition applies, so the configs read the SDK's headers by path (said there). */
const ALLOWED = new Set([
  'vite.config.ts -> sdk/src/worker/cross-origin-isolation-headers.js',
  'vitest.config.ts -> sdk/src/worker/cross-origin-isolation-headers.js',
])

const packageOf = (file: string) => PACKAGES.find((name) => file === name || file.startsWith(`${name}/`))

function relativeImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8')
  return [...text.matchAll(SPECIFIER)].map((m) => relative(root, resolve(root, dirname(file), m[1]!)))
}

test('no file reaches into another workspace package by a relative path', () => {
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((file) => SOURCE.test(file) && !file.startsWith('ops/subgraph/generated/') && !file.startsWith('test/structure/fixtures/'))
  expect(files.length).toBeGreaterThan(300)
  const crossings = files.flatMap((file) =>
    relativeImports(file)
      .filter((target) => packageOf(target) !== undefined && packageOf(target) !== packageOf(file))
      .map((target) => `${file} -> ${target}`)
      .filter((crossing) => !ALLOWED.has(crossing)),
  )
  expect(crossings).toEqual([])
})

test('the check sees a crossing: a relative import from test/ into the SDK', () => {
  const [target] = relativeImports('test/structure/fixtures/crossing.ts')
  expect(packageOf(target!)).toBe('sdk')
})
