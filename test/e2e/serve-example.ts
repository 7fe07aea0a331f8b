import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { preview } from 'vite'
import { crossOriginIsolationHeaders } from '@proofx/sdk'
import { freePort } from '../../scripts/start-anvil.js'

export type ServedExample = { url: string; stop(): Promise<void> }

/** Serves a built static site (any bundler's output folder) on loopback, cross-origin isolated, with vite preview. */
export async function serveStatic(root: string, outDir = 'dist'): Promise<ServedExample> {
  const server = await preview({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: await freePort(), strictPort: true, host: '127.0.0.1', headers: crossOriginIsolationHeaders },
  })
  return { url: server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.preview.port}/`, stop: () => server.close() }
}

/** `next start` on loopback (the example's next.config sends the isolation headers itself); resolves once it is ready. */
export async function startNext(nextBin: string, cwd: string): Promise<ServedExample> {
  const port = await freePort()
  const child = spawn(nextBin, ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (/Ready in/.test(output)) resolve()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`next start exited with ${code}:\n${output}`)))
  })
  const timer = setTimeout(() => child.kill('SIGTERM'), 60_000)
  try {
    await ready
  } catch (error) {
    await stop()
    throw error
  } finally {
    clearTimeout(timer)
  }
  return { url: `http://127.0.0.1:${port}/`, stop }
}
