import { createWalletClient, custom, defineChain, type Address, type EIP1193RequestFn } from 'viem'
import { toDeploymentJson, type VerificationKey } from '@proofx/sdk'
import { demoIssuer, demoPolicyDocuments } from '@proofx/sdk/demo'
import { deployProofX as deployWithSdk, type ProofXContractArtifacts } from '@proofx/sdk/deploy'

export type { FoundryArtifact } from '@proofx/sdk/deploy'
/** The Foundry artifacts vite.config.ts bundles: circuit v2's verifier and the proxy pair. */
export type ProofXContracts = Pick<ProofXContractArtifacts, 'ProofXVerifier' | 'ERC1967Proxy'> & {
  Groth16Verifier_v2: ProofXContractArtifacts['Groth16Verifier']
}

/**
 * Deploys the real ProofX contracts (Foundry build output) into a chain reached through `request` with the SDK's
 * deploy helper, as the local deploy does: Groth16Verifier_v2, ProofXVerifier behind an ERC-1967 proxy, the demo
 * policies and the demo issuer (the in-browser chain is 31337, the one chain the helper lets it be trusted on).
 * The first account becomes the admin.
 */
export async function deployProofX({
  request,
  chainId,
  admin,
  contracts,
  vkey,
}: {
  request: EIP1193RequestFn
  chainId: number
  admin: Address
  contracts: ProofXContracts
  vkey: VerificationKey
}) {
  const chain = defineChain({
    id: chainId,
    name: 'In-browser EVM',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [] } },
  })
  const client = createWalletClient({ account: admin, chain, transport: custom({ request }), pollingInterval: 50 })
  const deployment = await deployWithSdk(client, {
    artifacts: { Groth16Verifier: contracts.Groth16Verifier_v2, ProofXVerifier: contracts.ProofXVerifier, ERC1967Proxy: contracts.ERC1967Proxy },
    verificationKey: vkey,
    policies: Object.values(demoPolicyDocuments()),
    issuers: [{ keyHash: demoIssuer().keyHash, revoker: admin }],
    pollingInterval: 50,
  })
  // The page's deployment shape: the JSON a deployment file holds (documents as JSON, the block as a number).
  const { proxy, implementation, groth16Verifier, vkeyHash, deployBlock, policyDocuments } = toDeploymentJson(deployment)
  return { chainId, proxy, implementation, groth16Verifier, vkeyHash, deployBlock: Number(deployBlock), policyDocuments }
}
