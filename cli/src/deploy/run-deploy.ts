import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createPublicClient, createWalletClient, defineChain, http, type Account, type PublicClient } from 'viem'
import { toDeploymentJson, type ProofXDeployment } from '@proofx/sdk'
import { deployProofX, type DeployProofXParameters } from '@proofx/sdk/deploy'
import { deployGovernance, type GovernanceDeployment, type GovernanceOptions } from '../admin/deploy-governance.js'
import { InvalidDeployInputError } from './deploy-errors.js'
import { checkGovernanceForChain } from './governance-flags.js'

export type RunDeployParameters = Omit<DeployProofXParameters, 'pollingInterval'> & {
  rpcUrl: string
  /** The deploying account (from a keystore in the CLI). */
  account: Account
  /** Refuse unless the RPC serves this chain (a guard against deploying to the wrong network). */
  expectedChainId?: number | undefined
  /** Where deployments/<chainId>.json goes. Default ./deployments. Undefined with `writeFile: false`. */
  deploymentsDir?: string | undefined
  /** Default true. */
  writeFile?: boolean | undefined
  pollingInterval?: number | undefined
  /**
   * A Safe, a timelock and a guardian take the roles over right after the deploy (deployGovernance); the deployer
   * keeps none. The deployer must then be the one holder of every role (no admin, pauser or upgrader given).
   */
  governance?: GovernanceOptions | undefined
}

export type RunDeployReturnType = { deployment: ProofXDeployment; governance: GovernanceDeployment | undefined; file: string | undefined }

/** Deploys ProofX over `rpcUrl` with deployProofX and writes the deployment file the SDK reads (readDeploymentFile). */
export async function runDeploy({
  rpcUrl,
  account,
  expectedChainId,
  deploymentsDir = 'deployments',
  writeFile = true,
  pollingInterval,
  governance: governanceOptions,
  ...parameters
}: RunDeployParameters): Promise<RunDeployReturnType> {
  if (!/^https?:\/\//.test(rpcUrl)) throw new InvalidDeployInputError({ field: '--rpc', rule: 'must be an http(s) URL' })
  const chainId = await createPublicClient({ transport: http(rpcUrl) })
    .getChainId()
    .catch((cause: unknown) => {
      throw new InvalidDeployInputError({ field: '--rpc', rule: `is not reachable (${rpcUrl})`, cause })
    })
  if (expectedChainId !== undefined && chainId !== expectedChainId)
    throw new InvalidDeployInputError({ field: '--chain-id', rule: `is ${expectedChainId}, but ${rpcUrl} serves chain ${chainId}` })
  if (governanceOptions) {
    checkGovernanceForChain(governanceOptions, chainId)
    for (const role of ['admin', 'pauser', 'upgrader'] as const)
      if (parameters[role] !== undefined && parameters[role]!.toLowerCase() !== account.address.toLowerCase())
        throw new InvalidDeployInputError({
          field: `--${role}`,
          rule: 'cannot be combined with governance: the Safe, the timelock and the guardian take the roles over from the deployer',
        })
  }
  const chain = defineChain({
    id: chainId,
    name: `chain-${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  const client = createWalletClient({ account, chain, transport: http(rpcUrl), ...(pollingInterval === undefined ? {} : { pollingInterval }) })
  const deployment = await deployProofX(client, { ...parameters, ...(pollingInterval === undefined ? {} : { pollingInterval }) })
  const governance = governanceOptions
    ? await deployGovernance({
        walletClient: client,
        publicClient: createPublicClient({ chain, transport: http(rpcUrl), ...(pollingInterval === undefined ? {} : { pollingInterval }) }) as PublicClient,
        rpcUrl,
        proxy: deployment.proxy,
        ...governanceOptions,
      })
    : undefined
  if (!writeFile) return { deployment, governance, file: undefined }
  mkdirSync(deploymentsDir, { recursive: true })
  const file = resolve(join(deploymentsDir, `${deployment.chainId}.json`))
  // `governance` is what every proofx command reads from --deployment (chain-options.ts DeploymentFile).
  writeFileSync(file, `${JSON.stringify({ ...toDeploymentJson(deployment), ...(governance ? { governance } : {}) }, null, 2)}\n`)
  return { deployment, governance, file }
}
