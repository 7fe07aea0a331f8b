import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createPublicClient, createWalletClient, defineChain, http, type Account } from 'viem'
import { toDeploymentJson, type ProofXDeployment } from '@proofx/sdk'
import { deployProofX, type DeployProofXParameters } from '@proofx/sdk/deploy'
import { InvalidDeployInputError } from './deploy-errors.js'

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
}

export type RunDeployReturnType = { deployment: ProofXDeployment; file: string | undefined }

/** Deploys ProofX over `rpcUrl` with deployProofX and writes the deployment file the SDK reads (readDeploymentFile). */
export async function runDeploy({
  rpcUrl,
  account,
  expectedChainId,
  deploymentsDir = 'deployments',
  writeFile = true,
  pollingInterval,
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
  const chain = defineChain({
    id: chainId,
    name: `chain-${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  const client = createWalletClient({ account, chain, transport: http(rpcUrl), ...(pollingInterval === undefined ? {} : { pollingInterval }) })
  const deployment = await deployProofX(client, { ...parameters, ...(pollingInterval === undefined ? {} : { pollingInterval }) })
  if (!writeFile) return { deployment, file: undefined }
  mkdirSync(deploymentsDir, { recursive: true })
  const file = resolve(join(deploymentsDir, `${deployment.chainId}.json`))
  writeFileSync(file, `${JSON.stringify(toDeploymentJson(deployment), null, 2)}\n`)
  return { deployment, file }
}
