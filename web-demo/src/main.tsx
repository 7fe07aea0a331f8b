import { createProver } from '@proofx/sdk'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { WagmiProvider } from 'wagmi'
import { createProofXConfig, ProofXProvider } from '@proofx/sdk/react'
import { App } from './App.js'
import { loadDeployment } from './config/load-deployment.js'
import { createDemoWagmiConfig } from './config/wagmi-config.js'
import { demoArtifacts } from './config/demo-artifacts.js'
import './styles.css'

const root = createRoot(document.getElementById('root')!)

async function start() {
  let deployment = await loadDeployment()
  let node: { request: never } | undefined
  // No chain configured (a static host): run an EVM in this tab unless the URL asks not to.
  if (!deployment && !new URLSearchParams(location.search).has('no-evm')) {
    root.render(
      <p style={{ padding: 24 }} data-testid="starting-evm">
        Starting an EVM in this tab and deploying the ProofX contracts into it…
      </p>,
    )
    const { startInBrowserDeployment } = await import('./evm/start-in-browser-deployment.js')
    const started = await startInBrowserDeployment()
    deployment = started.deployment
    node = started.node as never
  }
  if (!deployment) {
    root.render(
      <p style={{ padding: 24 }} data-testid="no-chain">
        No chain configured for this page. Locally, run <code>npm run demo</code>. On a static host, put a <code>deployment.json</code> next to index.html or
        build with <code>VITE_PROOFX_CHAIN_ID</code>, <code>VITE_PROOFX_PROXY</code> and <code>VITE_PROOFX_RPC_URL</code> set.
      </p>,
    )
    return
  }
  const wagmiConfig = createDemoWagmiConfig(deployment, node)
  // The contract reports its verification-key hash: the prover refuses artifacts that would not verify there.
  const prover = createProver({ artifacts: await demoArtifacts(), expectedVkeyHash: deployment.vkeyHash })
  // Start the worker, load the circuit and warm the curve while the visitor connects and gets a credential:
  // the first proof then runs warm (no artifact load, no curve start; see ProverStatus).
  const preload = prover.preload()
  preload.catch((error) => console.warn('Preloading the prover failed; proving will retry.', error))
  const proofxConfig = createProofXConfig({ prover, verifiers: { [deployment.chainId]: deployment.proxy } })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1 } } })
  const modeLabel = node ? 'In-browser EVM (no chain)' : deployment.chainId === 31337 ? 'Local anvil' : (deployment.chainName ?? `Chain ${deployment.chainId}`)
  root.render(
    <StrictMode>
      <WagmiProvider config={wagmiConfig}>
        <QueryClientProvider client={queryClient}>
          <ProofXProvider config={proofxConfig}>
            <App deployment={deployment} modeLabel={modeLabel} preload={preload} />
          </ProofXProvider>
        </QueryClientProvider>
      </WagmiProvider>
    </StrictMode>,
  )
}

start().catch((error) => {
  console.error(error)
  root.render(
    <pre className="error" style={{ margin: 24 }}>
      {String(error?.stack ?? error)}
    </pre>,
  )
})
