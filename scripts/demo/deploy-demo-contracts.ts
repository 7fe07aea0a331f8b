import { existsSync } from 'node:fs'

/** Anvil's first well-known dev account: public knowledge, local chains only. It becomes the admin. */
export const ANVIL_ADMIN_PRIVATE_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

const deployScript = new URL('../../contracts/script/deploy-local.ts', import.meta.url)

/** Deploys ProofX (verifier, proxy, demo policies, demo issuer) to a local node; returns the deployment record. */
export async function deployDemoContracts(rpcUrl: string): Promise<Record<string, unknown> & { chainId: number; proxy: `0x${string}` }> {
  if (existsSync(deployScript)) {
    const { deployLocal } = (await import(deployScript.href)) as { deployLocal(p: { rpcUrl: string; privateKey: string }): Promise<never> }
    return deployLocal({ rpcUrl, privateKey: ANVIL_ADMIN_PRIVATE_KEY })
  }
  // STOP-GAP until contracts/script/deploy-local.ts lands: the same deployment from the Foundry build in out/.
  const { deployStopgap } = await import('../../test/helpers/anvil-deploy-stopgap.js')
  return deployStopgap(rpcUrl) as never
}
