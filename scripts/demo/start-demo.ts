import { fileURLToPath } from 'node:url'
import { createServer, type Plugin, type ViteDevServer } from 'vite'
import { startAnvil, freePort, type StartedAnvil } from './start-anvil.js'
import { deployLocal } from '../../contracts/script/deploy-local.js'

/** Anvil's first well-known dev account: public knowledge, local chains only. */
export const ANVIL_ADMIN_PRIVATE_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

export type DemoDeployment = Record<string, unknown> & { chainId: number; proxy: `0x${string}`; rpcUrl: string }

export type StartedDemo = { url: string; rpcUrl: string; deployment: DemoDeployment; stop(): Promise<void> }

/** Serves the deployment the page should talk to at /deployment.json, from memory (no file to go stale). */
function serveDeployment(deployment: DemoDeployment): Plugin {
  const body = JSON.stringify(deployment, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)
  return {
    name: 'proofx-demo-deployment',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/deployment.json') return next()
        res.setHeader('Content-Type', 'application/json')
        res.setHeader('Cache-Control', 'no-store')
        res.end(body)
      })
    },
  }
}

/**
 * Starts anvil, deploys the contracts with the demo policies and issuer, and serves the demo page
 * (Vite dev server) wired to that deployment. `stop()` ends everything it started.
 */
export async function startDemo({ port, anvilPort, log = () => {} }: { port?: number; anvilPort?: number; log?: (line: string) => void } = {}): Promise<StartedDemo> {
  let anvil: StartedAnvil | undefined
  let server: ViteDevServer | undefined
  const stop = async () => {
    await server?.close()
    await anvil?.stop()
  }
  try {
    anvil = await startAnvil({ port: anvilPort })
    log(`anvil listening on ${anvil.rpcUrl}`)
    const deployed = await deployLocal({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_ADMIN_PRIVATE_KEY })
    const deployment = { ...(deployed as unknown as Record<string, unknown>), rpcUrl: anvil.rpcUrl } as DemoDeployment
    log(`ProofXVerifier proxy ${deployment.proxy} on chain ${deployment.chainId}`)
    server = await createServer({
      configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
      plugins: [serveDeployment(deployment)],
      server: { port: port ?? (await freePort()), strictPort: true, host: '127.0.0.1' },
      logLevel: 'warn',
    })
    await server.listen()
    const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`
    return { url, rpcUrl: anvil.rpcUrl, deployment, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
