'use client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createProver } from '@proofx/sdk'
import { createProofXConfig, ProofXProvider } from '@proofx/sdk/react'
import { useEffect, useState } from 'react'

// Fill in your deployment (deployments/<chainId>.json): the ProofXVerifier proxy per chain.
/** @type {import('@proofx/sdk/react').CreateProofXConfigParameters['verifiers']} */
const VERIFIERS = { 31337: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0' }

/**
 * The prover is a Web Worker, so it is created in the browser only (an effect never runs during server rendering).
 * @param {{ children: import('react').ReactNode }} props
 */
export function ProofXProviders({ children }) {
  const [queryClient] = useState(() => new QueryClient())
  const [config, setConfig] = useState(/** @type {import('@proofx/sdk/react').ProofXConfig | undefined} */ (undefined))
  useEffect(() => {
    const prover = createProver()
    setConfig(createProofXConfig({ prover, verifiers: VERIFIERS }))
    return () => void prover.dispose()
  }, [])
  if (!config) return <p data-testid="status">starting</p>
  return (
    <QueryClientProvider client={queryClient}>
      <ProofXProvider config={config}>{children}</ProofXProvider>
    </QueryClientProvider>
  )
}
