import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createWalletClient, http, type LocalAccount } from 'viem'
import { anvil } from 'viem/chains'
import { parsePolicyDocument, type CircuitVersion, type PolicyDocument, type ProofXDeployment, type VerificationKey } from '@proofx/sdk'
import { DEMO_POLICY_DOCUMENTS, demoIssuer } from '@proofx/sdk/demo'
import { deployProofX, GROTH16_VERIFIER_CONTRACTS } from '@proofx/sdk/deploy'
import { foundryArtifactPath, readProofXArtifacts } from '@proofx/cli'
import { circuitArtifacts } from './circuit-artifacts.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))

/** The Foundry build the drills deploy: out/ (npm test runs forge first), or PROOFX_FORGE_OUT. */
export const forgeOut = () => process.env.PROOFX_FORGE_OUT ?? `${root}out`
export const forgeArtifactPath = (name: string) => foundryArtifactPath(forgeOut(), name)

/** The demo policy documents as registered for a circuit version: the v1 hash has no validity period, v2's commits it. */
export const demoPolicyDocumentsFor = (circuitVersion: CircuitVersion): PolicyDocument[] =>
  Object.values(DEMO_POLICY_DOCUMENTS).map((document) => parsePolicyDocument({ ...document, circuitVersion }))

export type DeployDrillOptions = {
  /** The circuit the deployment starts on: its Groth16 verifier, verification key and policy hashes. Default 2 (current). */
  circuitVersion?: CircuitVersion
}

/**
 * Deploys the circuit version's Groth16 verifier + ProofXVerifier behind an ERC1967Proxy (admin = `admin`) with the one
 * deploy helper, registering the demo policies (hashed for that version) and issuer: the same setup as the contracts'
 * test base. Artifacts are read once, up front, so a concurrent `forge build` cannot pull them away mid-drill.
 */
export async function deployDrill(rpcUrl: string, admin: LocalAccount, { circuitVersion = 2 }: DeployDrillOptions = {}): Promise<ProofXDeployment> {
  const artifacts = readProofXArtifacts(forgeOut(), { batchVerifier: false, groth16Verifier: GROTH16_VERIFIER_CONTRACTS[circuitVersion] })
  const client = createWalletClient({ account: admin, chain: anvil, transport: http(rpcUrl), pollingInterval: 50 })
  return deployProofX(client, {
    artifacts,
    verificationKey: JSON.parse(readFileSync(circuitArtifacts(circuitVersion).vkey, 'utf8')) as VerificationKey,
    policies: demoPolicyDocumentsFor(circuitVersion),
    issuers: [{ keyHash: demoIssuer().keyHash, revoker: admin.address }],
    maxProofAge: 86_400,
    pollingInterval: 50,
  })
}
