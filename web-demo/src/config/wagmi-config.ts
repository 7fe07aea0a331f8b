import { createConfig, custom, http } from 'wagmi'
import type { EIP1193RequestFn } from 'viem'
import { injected } from 'wagmi/connectors'
import { defineChain, type Chain } from 'viem'
import { anvilDevAccount } from '../wallet/anvil-dev-connector.js'
import type { PageDeployment } from './load-deployment.js'

const LOCAL_CHAIN_IDS = new Set([31337, 1337])

/**
 * The chain from the deployment file; anvil's chain id 31337 gets the local dev-account connectors.
 * With `node` (the in-browser EVM) every request goes to it instead of an RPC URL.
 */
export function createDemoWagmiConfig(deployment: PageDeployment, node?: { request: EIP1193RequestFn }) {
  const chain: Chain = defineChain({
    id: deployment.chainId,
    name: deployment.chainName ?? (LOCAL_CHAIN_IDS.has(deployment.chainId) ? 'Anvil (local)' : `Chain ${deployment.chainId}`),
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: deployment.rpcUrl ? [deployment.rpcUrl] : [] } },
  })
  const local = LOCAL_CHAIN_IDS.has(deployment.chainId)
  return createConfig({
    chains: [chain],
    connectors: [
      ...(local
        ? [
            ...(node
              ? [
                  anvilDevAccount({ index: 0, node, label: 'Dev account #0 — admin (in-browser EVM only)' }),
                  anvilDevAccount({ index: 1, node, label: 'Dev account #1 (in-browser EVM only)' }),
                ]
              : [
                  anvilDevAccount({ index: 0, rpcUrl: deployment.rpcUrl, label: 'Anvil dev account #0 — admin (local only)' }),
                  anvilDevAccount({ index: 1, rpcUrl: deployment.rpcUrl, label: 'Anvil dev account #1 (local only)' }),
                ]),
          ]
        : []),
      injected(),
    ],
    transports: { [chain.id]: node ? custom(node) : http(deployment.rpcUrl) },
    multiInjectedProviderDiscovery: true,
    // Anvil mines a block a second locally; poll often enough that the page feels live.
    pollingInterval: local ? 1_000 : 4_000,
  })
}
