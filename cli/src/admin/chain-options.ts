import { readFile } from 'node:fs/promises'
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  http,
  isAddress,
  type Address,
  type Chain,
  type LocalAccount,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { InvalidAdminArgumentError } from './admin-operations.js'
import type { GovernanceDeployment } from './deploy-governance.js'

/** deployments/<chainId>.json, as the deploy script writes it (`governance` when a Safe and a timelock hold the roles). */
export type DeploymentFile = {
  chainId: number
  proxy: Address
  implementation?: Address
  groth16Verifier?: Address
  vkeyHash?: string
  deployBlock?: number | string
  governance?: GovernanceDeployment | undefined
}

/** Options every on-chain sub-command shares. */
export const chainParseOptions = {
  rpc: { type: 'string' },
  contract: { type: 'string' },
  deployment: { type: 'string' },
} as const

export type ChainTarget = {
  rpcUrl: string
  contract: Address
  deployBlock: bigint | undefined
  publicClient: PublicClient
  governance: GovernanceDeployment | undefined
}

/** --rpc (or PROOFX_RPC_URL), and --contract (or PROOFX_CONTRACT) or --deployment deployments/<chainId>.json. */
export async function resolveChainTarget(
  values: { rpc?: string | undefined; contract?: string | undefined; deployment?: string | undefined },
  env = process.env,
): Promise<ChainTarget> {
  const rpcUrl = values.rpc ?? env.PROOFX_RPC_URL ?? 'http://127.0.0.1:8545'
  let deployment: DeploymentFile | undefined
  if (values.deployment) deployment = JSON.parse(await readFile(values.deployment, 'utf8'))
  const contract = values.contract ?? deployment?.proxy ?? env.PROOFX_CONTRACT
  if (!contract || !isAddress(contract, { strict: false }))
    throw new InvalidAdminArgumentError({ field: 'contract', rule: 'is required (or --deployment deployments/<chainId>.json)' })
  const probe = createPublicClient({ transport: http(rpcUrl) })
  const chainId = await probe.getChainId()
  const chain = defineChain({
    id: chainId,
    name: `chain-${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  return {
    rpcUrl,
    contract: getAddress(contract),
    deployBlock: deployment?.deployBlock !== undefined ? BigInt(deployment.deployBlock) : undefined,
    governance: deployment?.governance,
    publicClient: createPublicClient({ chain, transport: http(rpcUrl) }) as PublicClient,
  }
}

export function walletFor(target: ChainTarget, account: LocalAccount): WalletClient<Transport, Chain | undefined, LocalAccount> {
  return createWalletClient({ account, chain: target.publicClient.chain, transport: http(target.rpcUrl) })
}
