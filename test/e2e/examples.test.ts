import { execFileSync, type ExecFileSyncOptions } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createPublicClient, http, parseAbi } from 'viem'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { verifyProof, terminateCurve, type VerificationKey } from '@proofx/sdk'
import { startAnvil, type StartedAnvil } from '../../scripts/start-anvil.js'
import { launchChromium } from './browser.js'
import { proveInPage, type PageProof } from './prove-in-page.js'
import { serveStatic, startNext, type ServedExample } from './serve-example.js'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const examples = join(repoRoot, 'examples')
/** Runs a command; on failure the error names the command and carries its stderr. */
function run(command: string, args: string[], options: ExecFileSyncOptions = {}): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, ...options }) as unknown as string
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string }
    console.error(`${command} ${args.join(' ')} failed:\n${e.stderr ?? ''}${e.stdout ?? ''}`)
    throw new Error(`${command} ${args.join(' ')} failed: ${e.message}`, { cause: error })
  }
}

/** Seconds each step took, printed at the end: these builds run in `npm test`, so their cost is watched. */
const seconds: Record<string, number> = {}
function timed<T>(label: string, step: () => T): T {
  const started = Date.now()
  const done = () => (seconds[label] = (Date.now() - started) / 1000)
  const result = step()
  if (result instanceof Promise) return result.finally(done) as T
  done()
  return result
}

/**
 * One install for every example: the union of what their own package.json files ask for, the SDK coming
 * from the tarball. Two examples pinning different versions of one package is a mistake caught here.
 */
function scratchDependencies(names: string[], tarball: string): Record<string, string> {
  const dependencies: Record<string, string> = {}
  for (const name of names) {
    const manifest = JSON.parse(readFileSync(join(examples, name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>
      devDependencies?: Record<string, string>
    }
    for (const [dependency, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (dependency === '@proofx/sdk') continue
      if (dependencies[dependency] && dependencies[dependency] !== version)
        throw new Error(`examples disagree on ${dependency}: ${dependencies[dependency]} and ${version} (${name})`)
      dependencies[dependency] = version
    }
  }
  return { '@proofx/sdk': `file:${tarball}`, ...dependencies }
}

const vkey = () => JSON.parse(readFileSync(join(repoRoot, 'sdk/artifacts/verification_key.json'), 'utf8')) as VerificationKey

// The examples run exactly as a dApp would: against the tarball `npm pack` makes, installed in a scratch
// folder outside the workspace, so a file missing from the package or a workspace-only import fails here.
describe('examples (SDK installed from its npm tarball)', () => {
  let scratch: string
  let anvil: StartedAnvil | undefined

  let browser: Browser | undefined
  const exampleNames = readdirSync(examples, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'proofx-examples-'))
    timed('build sdk', () => run('npm', ['run', 'build', '-w', 'sdk'], { cwd: repoRoot }))
    const [packed] = JSON.parse(timed('npm pack', () => run('npm', ['pack', '-w', 'sdk', '--json', '--pack-destination', scratch], { cwd: repoRoot }))) as [
      { filename: string },
    ]
    const tarball = join(scratch, packed.filename.replace(/^@proofx\//, 'proofx-'))
    const skip = (src: string) => /node_modules|\/dist|\/\.next/.test(src)
    for (const name of exampleNames) cpSync(join(examples, name), join(scratch, name), { recursive: true, filter: (src) => !skip(src) })
    writeFileSync(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'proofx-examples-scratch', private: true, type: 'module', dependencies: scratchDependencies(exampleNames, tarball) }, null, 2),
    )
    timed('npm install (all examples)', () =>
      run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: scratch, timeout: 900_000 }),
    )
  }, 1_200_000)

  afterAll(async () => {
    console.log(`examples, seconds per step: ${JSON.stringify(seconds)}`)
    await browser?.close()
    await terminateCurve()
    await anvil?.stop()
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  })

  test('node: the README quick start deploys with proofx deploy, then issues, proves and submits; the subject is then compliant', async () => {
    const chain = await startAnvil({ blockTime: 1 })
    anvil = chain
    // The reader's own deployment: scripts/quick-start-deploy.sh (proofx deploy with a keystore), as the README runs it.
    const deploymentsDir = join(scratch, 'deployments')
    const deployed = timed('quick-start-deploy.sh', () =>
      run('bash', [join(repoRoot, 'scripts/quick-start-deploy.sh')], {
        env: { ...process.env, RPC_URL: chain.rpcUrl, DEPLOYMENTS_DIR: deploymentsDir },
        timeout: 300_000,
      }),
    )
    const deploymentFile = join(deploymentsDir, '31337.json')
    expect(JSON.parse(deployed)).toMatchObject({ chainId: 31337, file: deploymentFile })
    const deployment = JSON.parse(readFileSync(deploymentFile, 'utf8')) as { proxy: `0x${string}` }

    const stdout = timed('node prove-and-submit.mjs', () =>
      run('node', ['prove-and-submit.mjs'], {
        cwd: join(scratch, 'node'),
        env: { ...process.env, RPC_URL: chain.rpcUrl, DEPLOYMENT: deploymentFile },
        timeout: 240_000,
      }),
    )
    expect(stdout).toMatch(/proved in \d+ ms/)
    expect(stdout).toMatch(/submitted 0x[0-9a-f]{64}/)
    expect(stdout).toMatch(/compliant until \d{4}-\d\d-\d\dT/)

    const client = createPublicClient({ transport: http(chain.rpcUrl) })
    const compliant = await client.readContract({
      address: deployment.proxy,
      abi: parseAbi(['function isCompliant(address,uint256) view returns (bool)']),
      functionName: 'isCompliant',
      args: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', 1n],
    })
    expect(compliant).toBe(true)
  })

  test.each([
    ['react', false],
    ['browser', true],
  ])('%s example builds with Vite against the packed SDK (and proves in Chromium: %s; the React one needs a wallet)', async (name, provesWithoutWallet) => {
    const dir = join(scratch, name)
    timed(`vite build ${name}`, () => run(join(scratch, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: dir }))
    const files = run('find', ['dist', '-type', 'f'], { cwd: dir })
    expect(files).toMatch(/index\.html/)
    // The SDK's worker and its default circuit artifacts must come along with the bundle.
    expect(files).toMatch(/worker[^\n]*\.js/)
    expect(files).toMatch(/compliance[^\n]*\.zkey/)
    expect(files).toMatch(/compliance[^\n]*\.wasm/)
    if (provesWithoutWallet) await expectProvesInChromium(`vite ${name}`, () => serveStatic(dir))
  })

  test('node, CommonJS: require() loads the package, which proves and verifies in a worker thread', async () => {
    const stdout = timed('node prove.cjs', () => run('node', ['prove.cjs'], { cwd: join(scratch, 'node'), timeout: 240_000 }))
    expect(stdout).toMatch(/proved in \d+ ms/)
    expect(stdout).toMatch(/verified true/)
    const proof = JSON.parse(stdout.trim().split('\n').at(-1)!) as PageProof['result']
    expect(await verifyProof(proof, vkey())).toBe(true)
  })

  // Each browser example is built by its bundler from the tarball, served on loopback cross-origin isolated,
  // and proves in its page in Chromium; the proof is then checked once more here, outside the browser.
  async function expectProvesInChromium(label: string, serve: () => Promise<ServedExample>) {
    const served = await serve()
    try {
      browser ??= await launchChromium()
      const { status, result, ms } = await timed(`prove in Chromium (${label})`, () => proveInPage(browser!, served.url))
      console.log(`${label}: ${status} (click to verified: ${ms} ms)`)
      expect(status).toMatch(/^verified in \d+ ms$/)
      expect(result.isolated).toBe(true)
      expect(result.publicSignals).toHaveLength(4)
      expect(await verifyProof(result, vkey())).toBe(true)
    } finally {
      await served.stop()
    }
  }

  test('webpack 5 example builds with no ProofX configuration and proves in Chromium', async () => {
    const dir = join(scratch, 'webpack')
    const output = timed('webpack build', () => run(join(scratch, 'node_modules/.bin/webpack'), ['--no-color'], { cwd: dir }))
    // Only webpack's size hints may remain: no "Critical dependency", no unresolved Node built-in.
    expect(output).not.toMatch(/Critical dependency|Module not found|ERROR/)
    const files = run('find', ['dist', '-type', 'f'], { cwd: dir })
    expect(files).toMatch(/proofx-prover[^\n]*\.js/)
    expect(files).toMatch(/\.zkey/)
    expect(files).toMatch(/\.wasm/)
    await expectProvesInChromium('webpack', () => serveStatic(dir))
  })

  const nextBin = () => join(scratch, 'node_modules/.bin/next')
  const nextEnv = () => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' })

  test.each([
    ['Turbopack (next build)', []],
    ['webpack (next build --webpack)', ['--webpack']],
  ])(
    'Next.js app router example builds with %s and proves in Chromium',
    async (label, flags) => {
      const dir = join(scratch, 'next')
      rmSync(join(dir, '.next'), { recursive: true, force: true })
      const output = timed(`next build ${label}`, () => run(nextBin(), ['build', ...flags], { cwd: dir, env: nextEnv(), timeout: 900_000 }))
      if (flags.length) expect(output).not.toMatch(/Turbopack/)
      else expect(output).toMatch(/Turbopack/)
      expect(output).not.toMatch(/Module not found/)
      const media = run('find', ['.next/static', '-type', 'f'], { cwd: dir })
      expect(media).toMatch(/\.zkey/)
      expect(media).toMatch(/\.wasm/)
      await expectProvesInChromium(`next ${label}`, () => startNext(nextBin(), dir))
    },
    1_200_000,
  )
})
