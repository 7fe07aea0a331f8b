import type { Address } from 'viem'

/** What the page needs to know about the chain it talks to. `npm run demo` serves it as /deployment.json. */
export type PageDeployment = {
  chainId: number
  /** JSON-RPC URL of the chain (the local anvil, or a public RPC for Amoy/Sepolia builds). */
  rpcUrl: string
  proxy: Address
  /** hashVerificationKey of the key the deployed Groth16 verifier embeds. */
  vkeyHash?: `0x${string}`
  deployBlock?: number | string
  /** Display name, e.g. "Anvil (local)". */
  chainName?: string
}

/**
 * Fetches ./deployment.json next to the page. Returns undefined when there is none (a static host
 * without a chain), so the caller can fall back to the in-browser EVM.
 */
export async function loadDeployment(): Promise<PageDeployment | undefined> {
  const response = await fetch('./deployment.json', { cache: 'no-store' })
  if (!response.ok) return undefined
  if (!response.headers.get('content-type')?.includes('json')) return undefined
  const raw = (await response.json()) as PageDeployment
  if (!raw?.proxy || !raw.chainId || !raw.rpcUrl) throw new Error('deployment.json lacks chainId, rpcUrl or proxy')
  return { ...raw, chainId: Number(raw.chainId) }
}
