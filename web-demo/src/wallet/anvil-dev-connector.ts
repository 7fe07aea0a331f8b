import { createConnector } from 'wagmi'
import { getAddress, numberToHex, type Address, type EIP1193RequestFn } from 'viem'

/** Anvil's well-known dev accounts (its default mnemonic). Public keys of a public test mnemonic. */
export const ANVIL_DEV_ACCOUNTS = [
  '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
] as const satisfies readonly Address[]

/**
 * A wallet for the LOCAL demo only: anvil holds the dev accounts' keys and signs eth_sendTransaction
 * itself, so this connector only names the account and forwards every request to the node.
 */
export function anvilDevAccount({
  index,
  rpcUrl,
  node,
  label,
}: { index: number; label: string } & ({ rpcUrl: string; node?: undefined } | { rpcUrl?: undefined; node: { request: EIP1193RequestFn } })) {
  const address = getAddress(ANVIL_DEV_ACCOUNTS[index]!)
  let connected = false
  let nextId = 0
  // The node: anvil over HTTP, or the in-browser EVM's request function.
  const forward: EIP1193RequestFn = node
    ? node.request
    : async ({ method, params }) => {
        const response = await fetch(rpcUrl!, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', id: ++nextId, method, params }),
        })
        const body = await response.json()
        if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code, data: body.error.data })
        return body.result
      }
  const request = (async (args: { method: string; params?: unknown }) => {
    if (args.method === 'eth_accounts' || args.method === 'eth_requestAccounts') return connected || args.method === 'eth_requestAccounts' ? [address] : []
    return forward(args as never)
  }) as EIP1193RequestFn
  const provider = { request }

  return createConnector((config) => ({
    id: `anvil-dev-${index}`,
    name: label,
    type: 'anvilDevAccount',
    async connect({ withCapabilities } = {}) {
      connected = true
      const chainId = await this.getChainId()
      return { accounts: (withCapabilities ? [{ address, capabilities: {} }] : [address]) as never, chainId }
    },
    async disconnect() {
      connected = false
    },
    async getAccounts() {
      return connected ? [address] : []
    },
    async getChainId() {
      return Number(await request({ method: 'eth_chainId' } as never))
    },
    async getProvider() {
      return provider
    },
    async isAuthorized() {
      return connected
    },
    async switchChain({ chainId }) {
      const chain = config.chains.find((c) => c.id === chainId)
      if (!chain) throw new Error(`Chain ${chainId} is not configured`)
      if (numberToHex(chainId) !== numberToHex(await this.getChainId())) throw new Error('The local anvil runs a single chain')
      return chain
    },
    onAccountsChanged(accounts) {
      config.emitter.emit('change', { accounts: accounts.map((a) => getAddress(a)) })
    },
    onChainChanged(chainId) {
      config.emitter.emit('change', { chainId: Number(chainId) })
    },
    onDisconnect() {
      connected = false
      config.emitter.emit('disconnect')
    },
  }))
}
