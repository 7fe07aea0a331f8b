import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createWalletClient, encodeFunctionData, http, publicActions, type Abi, type Hex, type LocalAccount } from 'viem'
import { anvil } from 'viem/chains'
import { hashVerificationKey, type ProofXDeployment } from '@proofx/sdk'
import { demoIssuer, demoPolicyDocuments } from '@proofx/sdk/demo'

const root = fileURLToPath(new URL('../../../', import.meta.url))

/** The Foundry build the drills deploy: out/ (npm test runs forge first), or PROOFX_FORGE_OUT. */
export const forgeOut = () => process.env.PROOFX_FORGE_OUT ?? `${root}out`
export const forgeArtifactPath = (name: string) => `${forgeOut()}/${name}.sol/${name}.json`

/**
 * Deploys Groth16Verifier + ProofXVerifier behind an ERC1967Proxy (admin = `admin`), registers the demo
 * policies and issuer: the same setup as the contracts' test base. Artifacts are read once, up front, so a
 * concurrent `forge build` cannot pull them away mid-drill.
 */
export async function deployDrill(rpcUrl: string, admin: LocalAccount): Promise<ProofXDeployment> {
  const read = (name: string) => JSON.parse(readFileSync(forgeArtifactPath(name), 'utf8')) as { abi: Abi; bytecode: { object: Hex } }
  const [groth16Artifact, verifierArtifact, proxyArtifact] = [read('Groth16Verifier'), read('ProofXVerifier'), read('ERC1967Proxy')]
  const client = createWalletClient({ account: admin, chain: anvil, transport: http(rpcUrl), pollingInterval: 50 }).extend(publicActions)
  const deploy = async ({ abi, bytecode }: { abi: Abi; bytecode: { object: Hex } }, args: unknown[] = []) =>
    client.waitForTransactionReceipt({ hash: await client.deployContract({ abi, bytecode: bytecode.object, args } as never) })
  const vkeyHash = hashVerificationKey(JSON.parse(readFileSync(`${root}circuits/artifacts/verification_key.json`, 'utf8')))
  const groth16 = (await deploy(groth16Artifact)).contractAddress!
  const implementationReceipt = await deploy(verifierArtifact)
  const implementation = implementationReceipt.contractAddress!
  const init = encodeFunctionData({ abi: verifierArtifact.abi, functionName: 'initialize', args: [admin.address, groth16, vkeyHash, 86_400] })
  const proxy = (await deploy(proxyArtifact, [implementation, init])).contractAddress!
  const write = async (functionName: string, args: unknown[]) =>
    client.waitForTransactionReceipt({ hash: await client.writeContract({ address: proxy, abi: verifierArtifact.abi, functionName, args } as never) })
  const policyDocuments = demoPolicyDocuments()
  for (const document of Object.values(policyDocuments)) await write('setPolicy', [document.id, document.hash, document.validityPeriod, true])
  await write('addIssuer', [demoIssuer().keyHash, admin.address])
  return {
    chainId: anvil.id,
    proxy,
    implementation,
    groth16Verifier: groth16,
    vkeyHash,
    deployBlock: implementationReceipt.blockNumber,
    policies: { accredited: 1n, retail: 2n },
    policyDocuments,
    issuerKeyHash: demoIssuer().keyHash,
  }
}
