import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createWalletClient, http, type LocalAccount } from 'viem'
import { anvil } from 'viem/chains'
import type { ProofXDeployment } from '@proofx/sdk'
import { demoIssuer, demoPolicyDocuments } from '@proofx/sdk/demo'
import { deployProofX } from '@proofx/sdk/deploy'
import { foundryArtifactPath, readProofXArtifacts } from '@proofx/cli'

const root = fileURLToPath(new URL('../../../', import.meta.url))

/** The Foundry build the drills deploy: out/ (npm test runs forge first), or PROOFX_FORGE_OUT. */
export const forgeOut = () => process.env.PROOFX_FORGE_OUT ?? `${root}out`
export const forgeArtifactPath = (name: string) => foundryArtifactPath(forgeOut(), name)

/**
 * Deploys Groth16Verifier + ProofXVerifier behind an ERC1967Proxy (admin = `admin`) with the one deploy helper,
 * registering the demo policies and issuer: the same setup as the contracts' test base. Artifacts are read once, up
 * front, so a concurrent `forge build` cannot pull them away mid-drill.
 */
export async function deployDrill(rpcUrl: string, admin: LocalAccount): Promise<ProofXDeployment> {
  const artifacts = readProofXArtifacts(forgeOut(), { batchVerifier: false })
  const client = createWalletClient({ account: admin, chain: anvil, transport: http(rpcUrl), pollingInterval: 50 })
  return deployProofX(client, {
    artifacts,
    verificationKey: JSON.parse(readFileSync(`${root}circuits/artifacts/verification_key.json`, 'utf8')),
    policies: Object.values(demoPolicyDocuments()),
    issuers: [{ keyHash: demoIssuer().keyHash, revoker: admin.address }],
    maxProofAge: 86_400,
    pollingInterval: 50,
  })
}
