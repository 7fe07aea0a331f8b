import { createRequire } from 'node:module'
import { getAddress, type Account, type Address, type Chain, type Hex, type PublicClient, type Transport, type WalletClient } from 'viem'
import type { ContractNetworkConfig } from '@safe-global/protocol-kit'

/** The Safe version ProofX governance is deployed and tested with. */
export const SAFE_VERSION = '1.4.1' as const

/**
 * The Safe 1.4.1 contracts protocol-kit needs, by their names in its ContractNetworkConfig, and the build artifact
 * of each in @safe-global/safe-contracts (the singleton is SafeL2: it emits an event per transaction, which the
 * monitor and indexers read).
 */
const SAFE_ARTIFACTS = {
  safeSingletonAddress: 'contracts/SafeL2.sol/SafeL2.json',
  safeProxyFactoryAddress: 'contracts/proxies/SafeProxyFactory.sol/SafeProxyFactory.json',
  fallbackHandlerAddress: 'contracts/handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json',
  multiSendAddress: 'contracts/libraries/MultiSend.sol/MultiSend.json',
  multiSendCallOnlyAddress: 'contracts/libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json',
  signMessageLibAddress: 'contracts/libraries/SignMessageLib.sol/SignMessageLib.json',
  createCallAddress: 'contracts/libraries/CreateCall.sol/CreateCall.json',
  simulateTxAccessorAddress: 'contracts/accessors/SimulateTxAccessor.sol/SimulateTxAccessor.json',
} as const

export type SafeContractName = keyof typeof SAFE_ARTIFACTS

/** Addresses of the Safe contracts on one chain: protocol-kit's `contractNetworks[chainId]`. */
export type SafeContractAddresses = Record<SafeContractName, Address>

/** The creation bytecode of one Safe contract, from the npm package's Hardhat build (never re-typed). */
export function safeContractBytecode(name: SafeContractName): Hex {
  const require = createRequire(import.meta.url)
  const artifact = require(`@safe-global/safe-contracts/build/artifacts/${SAFE_ARTIFACTS[name]}`) as { bytecode: Hex }
  return artifact.bytecode
}

/**
 * Deploys the Safe 1.4.1 singleton (L2), proxy factory, fallback handler and libraries, for a chain that has no
 * official Safe deployment (anvil). Real networks have them already: pass their addresses instead.
 */
export async function deploySafeContracts(
  walletClient: WalletClient<Transport, Chain | undefined, Account>,
  publicClient: PublicClient,
): Promise<SafeContractAddresses> {
  const addresses: Partial<SafeContractAddresses> = {}
  for (const name of Object.keys(SAFE_ARTIFACTS) as SafeContractName[]) {
    const hash = await walletClient.deployContract({ abi: [], bytecode: safeContractBytecode(name), chain: walletClient.chain })
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`Deploying the Safe ${name.replace(/Address$/, '')} reverted (${hash}).`)
    addresses[name] = getAddress(receipt.contractAddress)
  }
  return addresses as SafeContractAddresses
}

/** protocol-kit's contractNetworks for a chain whose Safe contracts are not in @safe-global/safe-deployments. */
export function contractNetworksFor(chainId: number, addresses: SafeContractAddresses | undefined): Record<string, ContractNetworkConfig> | undefined {
  return addresses ? { [String(chainId)]: { ...addresses } } : undefined
}
