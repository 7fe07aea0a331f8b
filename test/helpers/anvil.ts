import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { ProofXDeployment } from '../../sdk/src/deployments/types.js'
import { ANVIL_PRIVATE_KEY_0, deployLocal } from '../../contracts/script/deploy-local.js'
import { parseDeployment } from '../../sdk/src/deployments/parse-deployment.js'

/** A real anvil node the test owns: started on a free port, stopped with `stop()`. */
export type AnvilInstance = {
  port: number
  rpcUrl: string
  chainId: number
  process: ChildProcess
  stop: () => Promise<void>
}

export type StartAnvilParameters = {
  /** Defaults to 31337, the chain id the SDK's local deployment entry uses. */
  chainId?: number
  /** Extra anvil flags, e.g. ['--block-time', '1']. */
  args?: string[]
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The platform binary itself, so `stop()` signals anvil and not the npm wrapper around it. */
function anvilBinary(): string {
  const require = createRequire(import.meta.url)
  try {
    const binary = require.resolve(`@foundry-rs/anvil-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}/bin/anvil`)
    if (existsSync(binary)) return binary
  } catch {
    // not resolvable: use the wrapper, which forwards SIGTERM to anvil
  }
  return `${repoRoot}node_modules/.bin/anvil`
}

/** A port the OS just handed out; anvil binds it a moment later (a collision is retried by startAnvil). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function rpcReady(rpcUrl: string): Promise<boolean> {
  try {
    const response = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }) })
    return response.ok
  } catch {
    return false
  }
}

/**
 * Starts anvil on a random free port (tests of several helpers run at once; fixed ports collide)
 * and resolves once it answers JSON-RPC.
 * @example
 * const anvil = await startAnvil()
 * afterAll(() => anvil.stop())
 */
export async function startAnvil({ chainId = 31337, args = [] }: StartAnvilParameters = {}): Promise<AnvilInstance> {
  let lastError: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    const rpcUrl = `http://127.0.0.1:${port}`
    const child = spawn(anvilBinary(), ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr?.on('data', (chunk) => (stderr += chunk))
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    // A test worker that exits without running afterAll must not leave anvil behind.
    const killOnExit = () => child.kill('SIGTERM')
    process.once('exit', killOnExit)
    const stop = async () => {
      process.off('exit', killOnExit)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    }
    for (let i = 0; i < 200 && child.exitCode === null; i++) {
      if (await rpcReady(rpcUrl)) return { port, rpcUrl, chainId, process: child, stop }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await stop()
    lastError = new Error(`anvil did not start on port ${port}: ${stderr.trim() || 'no output'}`)
  }
  throw lastError
}

/** A fresh anvil with ProofX deployed on it (demo policies and the demo issuer registered). */
export type ProofXNode = AnvilInstance & { deployment: ProofXDeployment }

/**
 * Starts anvil and deploys ProofX to it with the contracts' deploy script (deployLocal: Groth16 verifier, UUPS
 * proxy, demo policies, demo issuer). The deployer, anvil account 0, is the admin. deployLocal also writes
 * deployments/<chainId>.json; tests use `node.deployment` rather than that shared file.
 * @example
 * const node = await startProofXNode()
 * afterAll(() => node.stop())
 */
export async function startProofXNode(parameters: StartAnvilParameters = {}): Promise<ProofXNode> {
  const anvil = await startAnvil(parameters)
  try {
    const deployment = parseDeployment(await deployLocal({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_PRIVATE_KEY_0, writeDeploymentFile: false }), 'deployLocal')
    return { ...anvil, deployment }
  } catch (error) {
    await anvil.stop()
    throw error
  }
}
