import type { ProofXDeployment, PublishedPolicyDocument } from '../deployments/types.js'
import { PolicyDocumentNotFoundError } from '../errors/policy.js'

/** The document a deployment publishes for policy `name` (bundled, or `{ url }`). */
export function policyDocumentOf(deployment: Pick<ProofXDeployment, 'chainId' | 'policyDocuments'>, name: string): PublishedPolicyDocument {
  const entry = deployment.policyDocuments?.[name]
  if (!entry) throw new PolicyDocumentNotFoundError({ policyName: name, chainId: deployment.chainId, available: Object.keys(deployment.policyDocuments ?? {}) })
  return entry
}
