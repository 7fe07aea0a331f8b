import { fileURLToPath } from 'node:url'
import { build, preview, type Plugin, type PreviewServer } from 'vite'
import { startAnvil, freePort, type StartedAnvil } from '../start-anvil.js'
import { deployDemoContracts } from './deploy-demo-contracts.js'

export type DemoDeployment = Record<string, unknown> & { chainId: number; proxy: `0x${string}`; rpcUrl: string }

export type StartedDemo = { url: string; rpcUrl: string; deployment: DemoDeployment; stop(): Promise<void> }

/** Serves the deployment the page should talk to at /deployment.json, from memory (no file to go stale). */
function serveDeployment(deployment: DemoDeployment): Plugin {
  const body = JSON.stringify(deployment, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2)
  return {
    name: 'proofx-demo-deployment',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/deployment.json') return next()
        res.setHeader('Content-Type', 'application/json')
        res.setHeader('Cache-Control', 'no-store')
        res.end(body)
      })
    },
  }
}

const viteConfig = fileURLToPath(new URL('../../vite.config.ts', import.meta.url))

export type StartDemoParameters = {
  /** Write deployments/<chainId>.json (what the CLI and the Node example read). Default true; tests turn it off. */
  writeDeploymentFile?: boolean | undefined
  port?: number | undefined
  anvilPort?: number | undefined
  /** Where the static page is built (default dist/demo, as `npm run build:demo`). */
  outDir?: string | undefined
  log?: ((line: string) => void) | undefined
}

/**
 * Starts anvil, deploys the contracts with the demo policies and issuer, builds the demo page and
 * serves it (vite preview) wired to that deployment. The built page, not the dev server, so what
 * runs here is what a static host serves, and nothing reloads mid-flow. `stop()` ends everything.
 */
export async function startDemo({ port, anvilPort, outDir, writeDeploymentFile, log = () => {} }: StartDemoParameters = {}): Promise<StartedDemo> {
  let anvil: StartedAnvil | undefined
  let server: PreviewServer | undefined
  const stop = async () => {
    await server?.close()
    await anvil?.stop()
  }
  try {
    anvil = await startAnvil({ port: anvilPort, blockTime: 1 })
    log(`anvil listening on ${anvil.rpcUrl}`)
    const deployed = await deployDemoContracts(anvil.rpcUrl, { writeDeploymentFile })
    const deployment = { ...(deployed as unknown as Record<string, unknown>), rpcUrl: anvil.rpcUrl } as DemoDeployment
    log(`ProofXVerifier proxy ${deployment.proxy} on chain ${deployment.chainId}`)
    const built = Date.now()
    await build({ configFile: viteConfig, logLevel: 'warn', build: outDir ? { outDir } : {} })
    log(`demo page built in ${((Date.now() - built) / 1000).toFixed(1)} s`)
    server = await preview({
      configFile: viteConfig,
      plugins: [serveDeployment(deployment)],
      build: outDir ? { outDir } : {},
      preview: { port: port ?? (await freePort()), strictPort: true, host: '127.0.0.1' },
      logLevel: 'warn',
    })
    const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.preview.port}/`
    return { url, rpcUrl: anvil.rpcUrl, deployment, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
