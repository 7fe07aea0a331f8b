import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, test } from 'vitest'

// What a dApp installs: @proofx/sdk pulls no server framework and ships none of the `proofx` CLI's code
// (that is @proofx/cli). Checked on the package as npm packs it, and on the sources it is built from.
const sdk = fileURLToPath(new URL('../', import.meta.url))
const manifest = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8'))
const serverPackages = ['fastify', 'prom-client', 'pino', 'express', 'better-sqlite3', '@proofx/cli']
const cliCode = /(^|\/)(cli|server|monitor|admin|setup)\/|demo-proof-request|prover-server|worker-thread-backend/

const bareImports = (text: string) =>
  [...text.matchAll(/(?:from\s+|import\s+|import\(\s*)['"]([^'"./][^'"]*)['"]/g)].map((m) => m[1]!.replace(/^((?:@[^/]+\/)?[^/]+).*$/, '$1'))

let packed: string[] = []
beforeAll(() => {
  // `npm test` builds first; a lone run of this file builds the SDK once so the packed list is the real one.
  if (!existsSync(join(sdk, 'dist/index.js'))) execFileSync('npm', ['run', 'build'], { cwd: sdk, stdio: 'pipe' })
  const [pack] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: sdk,
      encoding: 'utf8',
    }),
  )
  packed = pack.files.map((f: { path: string }) => f.path)
}, 300_000)

describe('@proofx/sdk package contents', () => {
  test('its runtime dependencies include no server framework', () => {
    const runtime = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]
    expect(runtime.length).toBeGreaterThan(5)
    expect(runtime.filter((name) => serverPackages.includes(name))).toEqual([])
    expect(manifest.bin).toBeUndefined()
  })

  test('the packed files hold the built SDK and no CLI, server, monitor, admin or setup code', () => {
    expect(packed).toContain('dist/index.js')
    expect(packed).toContain('dist/worker/prover.worker.js')
    expect(packed.filter((path) => cliCode.test(path))).toEqual([])
    expect(packed.filter((path) => /test-helpers|\.test\.|\.test-d\./.test(path))).toEqual([])
  })

  test('every packed module imports only declared dependencies, and no server framework', () => {
    const declared = new Set([
      manifest.name,
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
    ])
    const modules = packed.filter((path) => path.endsWith('.js'))
    expect(modules.length).toBeGreaterThan(50)
    const undeclared = modules.flatMap((path) =>
      bareImports(readFileSync(join(sdk, path), 'utf8'))
        .filter((name) => !declared.has(name))
        .map((name) => `${path}: ${name}`),
    )
    expect(undeclared).toEqual([])
  })

  test('the sources import no server framework (no build needed to see it)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    const sources = walk(join(sdk, 'src')).filter((file) => /\.tsx?$/.test(file) && !/\.test(-d)?\.tsx?$|\.d\.ts$/.test(file))
    expect(sources.length).toBeGreaterThan(50)
    const offending = sources.flatMap((file) =>
      bareImports(readFileSync(file, 'utf8'))
        .filter((name) => serverPackages.includes(name))
        .map((name) => `${relative(sdk, file)}: ${name}`),
    )
    expect(offending).toEqual([])
  })
})
