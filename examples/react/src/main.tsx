import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createConfig, http, WagmiProvider } from 'wagmi'
import { injected } from 'wagmi/connectors'
import { anvil } from 'wagmi/chains'
import { createProver, deserializeCredential } from '@proofx/sdk'
import { DEMO_POLICIES } from '@proofx/sdk/demo'
import { createProofXConfig, ProofXProvider } from '@proofx/sdk/react'
import { ProveAndSubmit } from './ProveAndSubmit.js'

// Fill in your deployment (deployments/<chainId>.json) and a credential from your issuer.
const VERIFIER = (import.meta.env.VITE_PROOFX_VERIFIER ?? '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0') as `0x${string}`
const wagmiConfig = createConfig({ chains: [anvil], connectors: [injected()], transports: { [anvil.id]: http() } })
const proofxConfig = createProofXConfig({ prover: createProver(), verifiers: { [anvil.id]: VERIFIER } })
const credential = deserializeCredential(localStorage.getItem('proofx-credential') ?? '{}')

createRoot(document.getElementById('root')!).render(
  <WagmiProvider config={wagmiConfig}>
    <QueryClientProvider client={new QueryClient()}>
      <ProofXProvider config={proofxConfig}>
        <ProveAndSubmit credential={credential} policy={DEMO_POLICIES.accredited} />
      </ProofXProvider>
    </QueryClientProvider>
  </WagmiProvider>,
)
