import { createWalletClient, custom, encodeFunctionData, publicActions, type Abi, type Address, type EIP1193RequestFn, type Hex } from 'viem'
import { hashVerificationKey, toPolicyDocumentJson, type VerificationKey } from '@proofx/sdk'
import { demoIssuer, demoPolicyDocuments } from '@proofx/sdk/demo'
import { defineChain } from 'viem'

export type FoundryArtifact = { abi: Abi; bytecode: { object: Hex } }
export type ProofXContracts = { Groth16Verifier: FoundryArtifact; ProofXVerifier: FoundryArtifact; ERC1967Proxy: FoundryArtifact }

/**
 * Deploys the real ProofX contracts (Foundry build output) into a chain reached through `request`, as the
 * local deploy script does: Groth16Verifier, ProofXVerifier behind an ERC-1967 proxy, the demo policies
 * and the demo issuer. The first account becomes the admin.
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
  const client = createWalletClient({ account: admin, chain, transport: custom({ request }), pollingInterval: 50 }).extend(publicActions)
  const deploy = async ({ abi, bytecode }: FoundryArtifact, args: unknown[] = []) => {
    const hash = await client.deployContract({ abi, bytecode: bytecode.object, args } as never)
    const receipt = await client.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`Deploying into the in-browser EVM failed (${hash})`)
    return receipt
  }
  const vkeyHash = hashVerificationKey(vkey)
  const groth16 = await deploy(contracts.Groth16Verifier)
  const implementation = await deploy(contracts.ProofXVerifier)
  const init = encodeFunctionData({ abi: contracts.ProofXVerifier.abi, functionName: 'initialize', args: [admin, groth16.contractAddress!, vkeyHash, 86_400] })
  const proxy = (await deploy(contracts.ERC1967Proxy, [implementation.contractAddress!, init])).contractAddress!
  const write = async (functionName: string, args: unknown[]) => {
    const hash = await client.writeContract({ address: proxy, abi: contracts.ProofXVerifier.abi, functionName, args } as never)
    const receipt = await client.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`${functionName} failed in the in-browser EVM`)
  }
  // The demo publisher's documents: registered by hash, and listed in the deployment the page reads them from.
  const documents = Object.values(demoPolicyDocuments())
  for (const document of documents) await write('setPolicy', [document.id, document.hash, document.validityPeriod, true])
  await write('addIssuer', [demoIssuer().keyHash, admin])
  return {
    chainId,
    proxy,
    implementation: implementation.contractAddress!,
    groth16Verifier: groth16.contractAddress!,
    vkeyHash,
    deployBlock: Number(groth16.blockNumber),
    policyDocuments: Object.fromEntries(documents.map((document) => [document.name, toPolicyDocumentJson(document)])),
  }
}
