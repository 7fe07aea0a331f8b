// STOP-GAP until contracts/script/deploy-local.ts exists: deploys like contracts/test/utils/Base.t.sol from out/.
import { readFileSync } from 'node:fs'
import { createWalletClient, encodeFunctionData, http, publicActions, type Abi, type Hex } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { hashVerificationKey } from '../../sdk/src/artifacts/hash-verification-key.js'
import { demoIssuer } from '../../sdk/src/demo/demo-issuer.js'
import { DEMO_POLICIES } from '../../sdk/src/demo/demo-policies.js'
import { buildPolicy } from '../../sdk/src/policies/build-policy.js'
import type { ProofXDeployment } from '../../sdk/src/deployments/types.js'

const root = new URL('../../', import.meta.url)
const artifact = (name: string) => JSON.parse(readFileSync(new URL(`out/${name}.sol/${name}.json`, root), 'utf8')) as { abi: Abi; bytecode: { object: Hex } }

export async function deployStopgap(rpcUrl: string): Promise<ProofXDeployment> {
  const account = mnemonicToAccount('test test test test test test test test test test test junk')
  const client = createWalletClient({ account, chain: anvil, transport: http(rpcUrl), pollingInterval: 50 }).extend(publicActions)
  const deploy = async (name: string, args: unknown[] = []) => {
    const { abi, bytecode } = artifact(name)
    const hash = await client.deployContract({ abi, bytecode: bytecode.object, args } as never)
    const receipt = await client.waitForTransactionReceipt({ hash })
    return receipt
  }
  const vkeyHash = hashVerificationKey(JSON.parse(readFileSync(new URL('circuits/artifacts/verification_key.json', root), 'utf8')))
  const groth16 = (await deploy('Groth16Verifier')).contractAddress!
  const implementationReceipt = await deploy('ProofXVerifier')
  const implementation = implementationReceipt.contractAddress!
  const verifierAbi = artifact('ProofXVerifier').abi
  const init = encodeFunctionData({ abi: verifierAbi, functionName: 'initialize', args: [account.address, groth16, vkeyHash, 86_400] })
  const proxy = (await deploy('ERC1967Proxy', [implementation, init])).contractAddress!
  const write = async (functionName: string, args: unknown[]) => client.waitForTransactionReceipt({ hash: await client.writeContract({ address: proxy, abi: verifierAbi, functionName, args } as never) })
  for (const rules of Object.values(DEMO_POLICIES)) await write('setPolicy', [rules.policyId, buildPolicy(rules).hash, 30 * 86_400, true])
  await write('addIssuer', [demoIssuer().keyHash, account.address])
  return { chainId: 31337, proxy, implementation, groth16Verifier: groth16, vkeyHash, deployBlock: implementationReceipt.blockNumber, policies: { accredited: 1n, retail: 2n }, issuerKeyHash: demoIssuer().keyHash }
}
