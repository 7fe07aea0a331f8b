import { DeploymentNotFoundError } from '../errors/deployment.js'
import { parseDeployment } from './parse-deployment.js'
import { readDeploymentFile } from './read-deployment-file.js'
import type { ProofXDeployment } from './types.js'

/** Chain ids with a ProofX entry. */
export const proofXChainIds = { anvil: 31337, polygonAmoy: 80002, sepolia: 11155111 } as const

/**
 * Public deployments shipped with the SDK. Fill an entry (from the deploy script's deployments/<chainId>.json)
 * after deploying to that network; until then createProofX({ chainId }) explains what to do.
 */
const publishedDeployments: Record<number, ProofXDeployment | undefined> = {
  [proofXChainIds.polygonAmoy]: undefined,
  [proofXChainIds.sepolia]: undefined,
}

const registered = new Map<number, ProofXDeployment>()

/**
 * Makes a deployment known by its chain id (e.g. the local one the demo imports from deployments/31337.json),
 * overriding the SDK's own entry. Validates it first.
 * @example
 * import local from './31337.json'
 * registerDeployment(local)
 */
export function registerDeployment(deployment: ProofXDeployment | Record<string, unknown>): ProofXDeployment {
  const parsed = parseDeployment(deployment)
  registered.set(parsed.chainId, parsed)
  return parsed
}

/** Forgets a registered deployment (tests that deploy afresh). */
export function unregisterDeployment(chainId: number): void {
  registered.delete(chainId)
}

/**
 * The ProofX deployment on `chainId`: a registered one first, then the SDK's published entry, then (in Node,
 * local anvil only) deployments/31337.json. Throws DeploymentNotFoundError when none is known.
 */
export function getDeployment(chainId: number): ProofXDeployment {
  const deployment = registered.get(chainId) ?? publishedDeployments[chainId] ?? (chainId === proofXChainIds.anvil ? readDeploymentFile(chainId) : undefined)
  if (deployment) return deployment
  const chainName = { [proofXChainIds.anvil]: 'local anvil', [proofXChainIds.polygonAmoy]: 'Polygon Amoy', [proofXChainIds.sepolia]: 'Ethereum Sepolia' }[
    chainId
  ]
  throw new DeploymentNotFoundError({
    chainId,
    chainName,
    hint:
      chainId in publishedDeployments
        ? `ProofX is not deployed to ${chainName} yet: deploy it, then fill its entry in sdk/src/deployments/registry.ts or pass { deployment }.`
        : undefined,
  })
}
