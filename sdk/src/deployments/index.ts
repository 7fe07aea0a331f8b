export { parseDeployment } from './parse-deployment.js'
export { readDeploymentFile } from './read-deployment-file.js'
export { getDeployment, proofXChainIds, registerDeployment, unregisterDeployment } from './registry.js'
export type { ProofXDeployment, PublishedPolicyDocument } from './types.js'
