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
  /** Policy name -> its published document (bundled JSON or { url }): the page proves against these, never its own rules. */
  policyDocuments?: Record<string, unknown>
}

/**
 * The page's chain: ./deployment.json next to the page (`npm run demo` serves one; a static host can
 * ship one), else the build config (VITE_PROOFX_CHAIN_ID, VITE_PROOFX_PROXY, VITE_PROOFX_RPC_URL, e.g.
 * Polygon Amoy), else undefined: no chain configured.
 */
export async function loadDeployment(): Promise<PageDeployment | undefined> {
  const response = await fetch('./deployment.json', { cache: 'no-store' }).catch(() => undefined)
  const fromFile = response?.ok && response.headers.get('content-type')?.includes('json')
  const env = import.meta.env
  const raw = fromFile
    ? ((await response.json()) as PageDeployment)
    : env.VITE_PROOFX_PROXY
      ? {
          chainId: Number(env.VITE_PROOFX_CHAIN_ID),
          proxy: env.VITE_PROOFX_PROXY,
          rpcUrl: env.VITE_PROOFX_RPC_URL,
          vkeyHash: env.VITE_PROOFX_VKEY_HASH,
          deployBlock: env.VITE_PROOFX_DEPLOY_BLOCK,
          chainName: env.VITE_PROOFX_CHAIN_NAME,
        }
      : undefined
  if (!raw) return undefined
  if (!raw?.proxy || !raw.chainId || !raw.rpcUrl) throw new Error('deployment.json lacks chainId, rpcUrl or proxy')
  return { ...raw, chainId: Number(raw.chainId) }
}
