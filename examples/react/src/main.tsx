import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createConfig, http, WagmiProvider } from 'wagmi'
import { injected } from 'wagmi/connectors'
import { anvil } from 'wagmi/chains'
import { createProver, deserializeCredential, parseDeployment } from '@proofx/sdk'
import { createProofXConfig, ProofXProvider } from '@proofx/sdk/react'
import { ProveAndSubmit } from './ProveAndSubmit.js'

// Your deployment file (deployments/<chainId>.json: the verifier and the policy documents it publishes), served next
// to the page, and a credential from your issuer.
async function start() {
  const deployment = parseDeployment(await fetch(import.meta.env.VITE_PROOFX_DEPLOYMENT ?? './deployment.json').then((r) => r.json()))
  const wagmiConfig = createConfig({ chains: [anvil], connectors: [injected()], transports: { [anvil.id]: http() } })
  const proofxConfig = createProofXConfig({ prover: createProver(), verifiers: { [deployment.chainId]: deployment.proxy } })
  const credential = deserializeCredential(localStorage.getItem('proofx-credential') ?? '{}')

  createRoot(document.getElementById('root')!).render(
    <WagmiProvider config={wagmiConfig}>
      <QueryClientProvider client={new QueryClient()}>
        <ProofXProvider config={proofxConfig}>
          <ProveAndSubmit credential={credential} policyDocument={deployment.policyDocuments.accredited} />
        </ProofXProvider>
      </QueryClientProvider>
    </WagmiProvider>,
  )
}

start()
