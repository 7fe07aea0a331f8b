import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

/** The platform binary itself, so stop() signals anvil and not the npm wrapper around it. */
function anvilBinary(): string {
  const require = createRequire(import.meta.url)
  try {
    const binary = require.resolve(`@foundry-rs/anvil-${process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}/bin/anvil`)
    if (existsSync(binary)) return binary
  } catch {
    // not resolvable: the wrapper forwards SIGTERM to anvil
  }
  return fileURLToPath(new URL('../../node_modules/.bin/anvil', import.meta.url))
}

export type StartedAnvil = { rpcUrl: string; port: number; process: ChildProcess; stop(): Promise<void> }

/** A free TCP port on 127.0.0.1 (so the demo never collides with another anvil on 8545). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts anvil and resolves once it answers eth_chainId. It mines a block every `blockTime` seconds so the
 * chain's clock follows the wall clock (proofs are dated by it) even when nobody sends transactions.
 */
export async function startAnvil({ port, chainId = 31337, blockTime = 1 }: { port?: number | undefined; chainId?: number; blockTime?: number | undefined } = {}): Promise<StartedAnvil> {
  const p = port ?? (await freePort())
  const child = spawn(anvilBinary(), ['--port', String(p), '--host', '127.0.0.1', '--chain-id', String(chainId), '--silent', ...(blockTime ? ['--block-time', String(blockTime)] : [])], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk) => (stderr += chunk))
  const rpcUrl = `http://127.0.0.1:${p}`
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`anvil exited with code ${child.exitCode}: ${stderr}`)
    try {
      const res = await fetch(rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }) })
      if (res.ok) return { rpcUrl, port: p, process: child, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await stop()
  throw new Error(`anvil did not answer on ${rpcUrl} within 30 s`)
}
