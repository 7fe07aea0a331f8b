import { execFileSync, type ExecFileSyncOptions } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createPublicClient, http, parseAbi } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { deployDemoContracts } from '../../scripts/demo/deploy-demo-contracts.js'
import { startAnvil, type StartedAnvil } from '../../scripts/start-anvil.js'

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

// The examples run exactly as a dApp would: against the tarball `npm pack` makes, installed in a scratch
// folder outside the workspace, so a file missing from the package or a workspace-only import fails here.
describe('examples (SDK installed from its npm tarball)', () => {
  let scratch: string
  let anvil: StartedAnvil | undefined

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'proofx-examples-'))
    run('npm', ['run', 'build', '-w', 'sdk'], { cwd: repoRoot })
    const [packed] = JSON.parse(run('npm', ['pack', '-w', 'sdk', '--json', '--pack-destination', scratch], { cwd: repoRoot })) as [{ filename: string }]
    const tarball = join(scratch, packed.filename.replace(/^@proofx\//, 'proofx-'))
    for (const name of ['node', 'react', 'browser']) cpSync(join(examples, name), join(scratch, name), { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('/dist') })
    // One install for the three examples: the tarball plus what the examples themselves depend on.
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({
      name: 'proofx-examples-scratch', private: true, type: 'module',
      dependencies: { '@proofx/sdk': `file:${tarball}`, viem: '2.57.20', react: '19.3.1', 'react-dom': '19.3.1', wagmi: '3.7.7', '@tanstack/react-query': '5.108.0', vite: '8.3.8', '@vitejs/plugin-react': '6.3.0' },
    }, null, 2))
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: scratch, timeout: 600_000 })
  }, 900_000)

  afterAll(async () => {
    await anvil?.stop()
    if (scratch) rmSync(scratch, { recursive: true, force: true })
  })

  test('node: issues, proves and submits against a local chain; the subject is then compliant', async () => {
    anvil = await startAnvil({ blockTime: 1 })
    const deployment = await deployDemoContracts(anvil.rpcUrl, { writeDeploymentFile: false })
    const deploymentFile = join(scratch, 'deployment.json')
    writeFileSync(deploymentFile, JSON.stringify(deployment, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))

    const stdout = run('node', ['prove-and-submit.mjs'], { cwd: join(scratch, 'node'), env: { ...process.env, RPC_URL: anvil.rpcUrl, DEPLOYMENT: deploymentFile }, timeout: 240_000 })
    expect(stdout).toMatch(/proved in \d+ ms/)
    expect(stdout).toMatch(/submitted 0x[0-9a-f]{64}/)
    expect(stdout).toMatch(/compliant until \d{4}-\d\d-\d\dT/)

    const client = createPublicClient({ transport: http(anvil.rpcUrl) })
    const compliant = await client.readContract({ address: deployment.proxy, abi: parseAbi(['function isCompliant(address,uint256) view returns (bool)']), functionName: 'isCompliant', args: ['0x70997970C51812dc3A010C7d01b50e0d17dc79C8', 1n] })
    expect(compliant).toBe(true)
  })

  test.each(['react', 'browser'])('%s example builds with Vite against the packed SDK', (name) => {
    const dir = join(scratch, name)
    run(join(scratch, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: dir })
    const files = run('find', ['dist', '-type', 'f'], { cwd: dir })
    expect(files).toMatch(/index\.html/)
    // The SDK's worker and its default circuit artifacts must come along with the bundle.
    expect(files).toMatch(/worker[^\n]*\.js/)
    expect(files).toMatch(/compliance[^\n]*\.zkey/)
    expect(files).toMatch(/compliance[^\n]*\.wasm/)
  })
})
