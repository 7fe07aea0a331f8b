import type { VerificationKey } from '@proofx/sdk'
import type { PageDeployment } from '../config/load-deployment.js'
import { createInBrowserChain, type InBrowserChain } from './in-browser-chain.js'
import { deployProofX } from './deploy-proofx.js'

// Anvil's first two dev keys (a public test mnemonic): here they only ever exist inside this tab.
const DEV_KEYS = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
] as const

/**
 * No chain configured: start an EVM in this tab and deploy the real ProofX contracts into it, so the page
 * proves and verifies on a real EVM (BN254 pairing precompile included) with nothing else running.
 */
export async function startInBrowserDeployment(): Promise<{ deployment: PageDeployment; node: InBrowserChain }> {
  const [{ default: contracts }, vkey, node] = await Promise.all([
    import('virtual:proofx-contracts'),
    fetch(new URL('./artifacts/verification_key.json', document.baseURI)).then((r) => r.json() as Promise<VerificationKey>),
    createInBrowserChain({ devKeys: DEV_KEYS }),
  ])
  if (!contracts) throw new Error('This build has no contract bytecode (out/ was missing at build time): run `npx forge build`, then rebuild the page.')
  const deployed = await deployProofX({ request: node.request as never, chainId: node.chainId, admin: node.accounts[0]!, contracts, vkey })
  return { deployment: { ...deployed, rpcUrl: '', chainName: 'In-browser EVM' }, node }
}
