// Production build of the bench page with Vite, as an app would ship it: the page imports `@proofx/sdk` from the
// package's published build (sdk/dist, its `default` export; rebuilt here first with the SDK's own build script
// so it is the current sources'), plus snarkjs's browser build. The build fails if any SDK source file got in.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, defaultClientConditions } from 'vite'

const root = fileURLToPath(new URL('../../', import.meta.url))
export const benchPageDir = fileURLToPath(new URL('../../.test-output/bench/page/', import.meta.url))

export type BenchPageBuild = {
  outDir: string
  ms: number
  jsBytes: number
  /** ms of `npm run build -w sdk` before the page build. */
  sdkBuildMs: number
  /** SDK modules bundled into the page, all from sdk/dist (none from sdk/src). */
  sdkDistModules: number
}

export async function buildBenchPage(): Promise<BenchPageBuild> {
  const sdkStarted = performance.now()
  const sdkBuild = spawnSync('npm', ['run', 'build', '-w', 'sdk'], { cwd: root, encoding: 'utf8' })
  if (sdkBuild.status !== 0) throw new Error(`npm run build -w sdk failed (exit ${sdkBuild.status}):\n${sdkBuild.stdout}\n${sdkBuild.stderr}`)
  const sdkBuildMs = performance.now() - sdkStarted

  const sdkModules = new Set<string>()
  const started = performance.now()
  await build({
    configFile: false,
    logLevel: 'warn',
    root: fileURLToPath(new URL('./page/', import.meta.url)),
    base: '/',
    // An app's conditions: not `@proofx/source`, so `@proofx/sdk` is its dist/.
    resolve: { conditions: [...defaultClientConditions] },
    worker: { format: 'es' },
    plugins: [
      {
        name: 'record-sdk-modules',
        transform(_code, id) {
          if (id.startsWith(`${root}sdk/`)) sdkModules.add(id.slice(root.length))
          return null
        },
      },
    ],
    build: { outDir: benchPageDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
  })
  const fromSources = [...sdkModules].filter((id) => id.startsWith('sdk/src/'))
  if (fromSources.length) throw new Error(`the bench page bundled SDK sources instead of sdk/dist: ${fromSources.slice(0, 5).join(', ')}`)
  const fromDist = [...sdkModules].filter((id) => id.startsWith('sdk/dist/')).length
  if (!fromDist) throw new Error('the bench page bundled no SDK module from sdk/dist')
  return { outDir: benchPageDir, ms: performance.now() - started, jsBytes: sumJs(benchPageDir), sdkBuildMs, sdkDistModules: fromDist }
}

function sumJs(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) total += sumJs(path)
    else if (name.endsWith('.js')) total += statSync(path).size
  }
  return total
}
