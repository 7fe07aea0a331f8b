import { startAnvil, type StartAnvilParameters, type StartedAnvil } from '../scripts/start-anvil.js'
import { type ProofXDeployment, parseDeployment } from '@proofx/sdk'
import { ANVIL_PRIVATE_KEY_0, deployLocal } from '../contracts/script/deploy-local.js'

// The one place tests reach the repository's own anvil starter and local deploy script: everything else imports
// `@proofx/test-helpers/anvil`.
export { ANVIL_PRIVATE_KEY_0, buildLocalArtifacts, deployLocal, type LocalDeployment } from '../contracts/script/deploy-local.js'

export { startAnvil, type StartAnvilParameters } from '../scripts/start-anvil.js'
/** A real anvil node the test owns: started on a free port, stopped with `stop()`. */
export type AnvilInstance = StartedAnvil

/** A fresh anvil with ProofX deployed on it (demo policies and the demo issuer registered). */
export type ProofXNode = AnvilInstance & { deployment: ProofXDeployment }

/**
 * Starts anvil and deploys ProofX to it with the contracts' deploy script (deployLocal: Groth16 verifier, UUPS
 * proxy, demo policies, demo issuer). The deployer, anvil account 0, is the admin. No deployment file is written:
 * `node.deployment` is the deployment.
 * @example
 * const node = await startProofXNode()
 * afterAll(() => node.stop())
 */
export async function startProofXNode(parameters: StartAnvilParameters = {}): Promise<ProofXNode> {
  const anvil = await startAnvil(parameters)
  try {
    const deployment = parseDeployment(await deployLocal({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_PRIVATE_KEY_0, writeDeploymentFile: false }), 'deployLocal')
    return { ...anvil, deployment }
  } catch (error) {
    await anvil.stop()
    throw error
  }
}
