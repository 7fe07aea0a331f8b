import { deployLocal, ANVIL_PRIVATE_KEY_0, type LocalDeployment } from '../../contracts/script/deploy-local.js'

/** Anvil's first well-known dev account: public knowledge, local chains only. It becomes the admin. */
export const ANVIL_ADMIN_PRIVATE_KEY = ANVIL_PRIVATE_KEY_0

/**
 * Deploys ProofX (verifier, proxy, demo policies, demo issuer) to a local node with the contracts' deploy
 * script. Tests pass `writeDeploymentFile: false` so they never touch deployments/.
 */
export function deployDemoContracts(rpcUrl: string, { writeDeploymentFile = true }: { writeDeploymentFile?: boolean } = {}): Promise<LocalDeployment> {
  return deployLocal({ rpcUrl, privateKey: ANVIL_ADMIN_PRIVATE_KEY, writeDeploymentFile })
}
