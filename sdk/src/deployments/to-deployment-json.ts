import type { Address, Hex } from 'viem'
import { toPolicyDocumentJson } from '../policies/parse-policy-document.js'
import type { PolicyDocumentJson } from '../policies/policy-document.js'
import type { ProofXDeployment } from './types.js'

/** deployments/<chainId>.json as written to disk: bigints as numbers when safe, else decimal strings. */
export type ProofXDeploymentJson = {
  chainId: number
  deployBlock: number | string
  groth16BatchVerifier?: Address
  groth16Verifier: Address
  implementation: Address
  issuerKeyHash?: string
  policies: Record<string, number | string>
  proxy: Address
  vkeyHash: Hex
  policyDocuments: Record<string, PolicyDocumentJson | { url: string }>
}

const json = (value: bigint): number | string => (value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString())

/**
 * The JSON form of a deployment, the one parseDeployment (and so getDeployment and readDeploymentFile) reads back.
 * @example
 * writeFileSync(`deployments/${deployment.chainId}.json`, `${JSON.stringify(toDeploymentJson(deployment), null, 2)}\n`)
 */
export function toDeploymentJson(deployment: ProofXDeployment): ProofXDeploymentJson {
  return {
    chainId: deployment.chainId,
    deployBlock: json(deployment.deployBlock),
    ...(deployment.groth16BatchVerifier ? { groth16BatchVerifier: deployment.groth16BatchVerifier } : {}),
    groth16Verifier: deployment.groth16Verifier,
    implementation: deployment.implementation,
    // A decimal string: the value exceeds JavaScript's safe integers.
    ...(deployment.issuerKeyHash !== undefined ? { issuerKeyHash: deployment.issuerKeyHash.toString() } : {}),
    policies: Object.fromEntries(Object.entries(deployment.policies).map(([name, id]) => [name, json(id)])),
    proxy: deployment.proxy,
    vkeyHash: deployment.vkeyHash,
    policyDocuments: Object.fromEntries(
      Object.entries(deployment.policyDocuments).map(([name, document]) => [name, 'url' in document ? { url: document.url } : toPolicyDocumentJson(document)]),
    ),
  }
}
