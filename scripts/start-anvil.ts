// The one way this repository starts a local anvil: the demo, the tests, the drills and the bench all use it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

/** A running anvil node: stopped with `stop()` (also when the owning process exits). */
export type StartedAnvil = {
  port: number
  rpcUrl: string
  chainId: number
  process: ChildProcess
  stop: () => Promise<void>
}

export type StartAnvilParameters = {
  /** Default: a free port (several tests run chains at once; fixed ports collide). */
  port?: number | undefined
  /** Defaults to 31337, the chain id the SDK's local deployment entry uses. */
  chainId?: number | undefined
  /** Mine a block every this many seconds, so the chain's clock follows the wall clock. Default: only on transactions. */
  blockTime?: number | undefined
  /** Extra anvil flags. */
  args?: string[] | undefined
}

/** The platform binary itself, so `stop()` signals anvil and not the npm wrapper around it. */
function anvilBinary(): string {
  const require = createRequire(import.meta.url)
  try {
    const binary = require.resolve(`@foundry-rs/anvil-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}/bin/anvil`)
    if (existsSync(binary)) return binary
  } catch {
    // not resolvable: use the wrapper, which forwards SIGTERM to anvil
  }
  return fileURLToPath(new URL('../node_modules/.bin/anvil', import.meta.url))
}

/** A port the OS just handed out on 127.0.0.1; it is bound a moment later (startAnvil retries a collision). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function rpcReady(rpcUrl: string): Promise<boolean> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    })
    return response.ok
  } catch {
    return false
  }
}

/**
 * Starts anvil and resolves once it answers JSON-RPC.
 * @example
 * const anvil = await startAnvil()
 * afterAll(() => anvil.stop())
 */
export async function startAnvil({ port: fixedPort, chainId = 31337, blockTime, args = [] }: StartAnvilParameters = {}): Promise<StartedAnvil> {
  let lastError: unknown
  for (let attempt = 0; attempt < (fixedPort ? 1 : 3); attempt++) {
    const port = fixedPort ?? (await freePort())
    const rpcUrl = `http://127.0.0.1:${port}`
    const flags = [
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--chain-id',
      String(chainId),
      '--silent',
      ...(blockTime ? ['--block-time', String(blockTime)] : []),
      ...args,
    ]
    const child = spawn(anvilBinary(), flags, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr?.on('data', (chunk) => (stderr += chunk))
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    // A process that ends without calling stop() (a test worker skipping afterAll) must not leave anvil behind.
    const killOnExit = () => child.kill('SIGTERM')
    process.once('exit', killOnExit)
    const stop = async () => {
      process.off('exit', killOnExit)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    }
    for (let i = 0; i < 600 && child.exitCode === null; i++) {
      if (await rpcReady(rpcUrl)) return { port, rpcUrl, chainId, process: child, stop }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await stop()
    lastError = new Error(`anvil did not start on port ${port}: ${stderr.trim() || 'no output'}`)
  }
  throw lastError
}
