import { createContext, createElement, type ReactNode } from 'react'
import type { ProofXConfig } from '../config/create-proofx-config.js'

export const ProofXContext = createContext<ProofXConfig | undefined>(undefined)

export type ProofXProviderProps = { config: ProofXConfig; children?: ReactNode }

/**
 * Makes a ProofX config (prover + verifier addresses) available to the hooks. Put it inside
 * wagmi's `WagmiProvider` and TanStack's `QueryClientProvider`.
 * @example
 * <WagmiProvider config={wagmiConfig}><QueryClientProvider client={queryClient}>
 *   <ProofXProvider config={proofxConfig}><App /></ProofXProvider>
 * </QueryClientProvider></WagmiProvider>
 */
export function ProofXProvider({ config, children }: ProofXProviderProps) {
  return createElement(ProofXContext.Provider, { value: config }, children)
}
