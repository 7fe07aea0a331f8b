import {
  createClient,
  http,
  publicActions,
  walletActions,
  type Account,
  type Address,
  type Chain,
  type Client,
  type PublicActions,
  type Transport,
  type WalletActions,
} from 'viem'
import { anvil, polygonAmoy, sepolia } from 'viem/chains'
import { getDeployment } from '../deployments/registry.js'
import { parseDeployment } from '../deployments/parse-deployment.js'
import type { ProofXDeployment } from '../deployments/types.js'
import { InvalidDeploymentError } from '../errors/deployment.js'
import { InvalidInputError } from '../errors/validation.js'
import { getPublishedPolicy, type GetPublishedPolicyParameters, type GetPublishedPolicyReturnType } from '../actions/get-published-policy.js'
import { policyDocumentOf } from '../policies/policy-document-of.js'
import { proofXActions, type ProofXActions } from './decorators/proofx.js'

const knownChains: Record<number, Chain> = { [anvil.id]: anvil, [polygonAmoy.id]: polygonAmoy, [sepolia.id]: sepolia }

export type CreateProofXParameters = {
  chainId: number
  /** Defaults to the registry's entry for `chainId` (see getDeployment). */
  deployment?: ProofXDeployment | undefined
  /** Defaults to http(rpcUrl), or the chain's public RPC without rpcUrl. In a dApp: custom(window.ethereum). */
  transport?: Transport | undefined
  rpcUrl?: string | undefined
  /** The sending account (a local account, or an address the transport's wallet holds). Optional for reads. */
  account?: Account | Address | undefined
  /** Needed only for chains other than anvil, Polygon Amoy and Sepolia. */
  chain?: Chain | undefined
  /** Milliseconds between polls (receipts, watchers). */
  pollingInterval?: number | undefined
}

/**
 * A viem client for ProofX on one chain: public and wallet actions plus the ProofX actions, bound to the
 * chain's deployment (`client.deployment.proxy`).
 * @example
 * const proofx = createProofX({ chainId: 80002, transport: custom(window.ethereum), account })
 * await proofx.submitProof({ policyId: proofx.deployment.policies.accredited!, proof })
 */
export function createProofX({
  chainId,
  deployment: given,
  transport,
  rpcUrl,
  account,
  chain: givenChain,
  pollingInterval,
}: CreateProofXParameters): CreateProofXReturnType {
  const chain = givenChain ?? knownChains[chainId]
  if (!chain) throw new InvalidInputError({ field: 'chain', rule: `chain ${chainId} is not built in (anvil, Polygon Amoy, Sepolia): pass its viem Chain` })
  if (chain.id !== chainId) throw new InvalidInputError({ field: 'chain', rule: `chain.id ${chain.id} differs from chainId ${chainId}` })
  const deployment = given ? parseDeployment(given) : getDeployment(chainId)
  if (deployment.chainId !== chainId)
    throw new InvalidDeploymentError({ field: 'chainId', rule: `the deployment is for chain ${deployment.chainId}, not ${chainId}` })
  return createClient({ chain, transport: transport ?? http(rpcUrl), account, pollingInterval, name: 'ProofX Client', key: 'proofx' })
    .extend(publicActions)
    .extend(walletActions)
    .extend(proofXActions({ address: deployment.proxy }))
    .extend((client) => ({
      deployment,
      /** Like the getPublishedPolicy action; `{ name }` reads the document this deployment publishes under that name. */
      getPublishedPolicy: async (p: PublishedPolicyByName | Omit<GetPublishedPolicyParameters, 'address'>) =>
        getPublishedPolicy(client as never, { ...p, address: deployment.proxy, document: 'name' in p ? policyDocumentOf(deployment, p.name) : p.document }),
    })) as CreateProofXReturnType
}

/** A published policy by its name in the deployment (deployment.policyDocuments). */
export type PublishedPolicyByName = Omit<GetPublishedPolicyParameters, 'address' | 'document'> & { name: string }

/** A viem client with public, wallet and ProofX actions, and the deployment it is bound to. */
export type CreateProofXReturnType = Client<
  Transport,
  Chain,
  Account | undefined,
  undefined,
  PublicActions<Transport, Chain, Account | undefined> &
    WalletActions<Chain, Account | undefined> &
    Omit<ProofXActions, 'getPublishedPolicy'> & {
      deployment: ProofXDeployment
      getPublishedPolicy(parameters: PublishedPolicyByName | Omit<GetPublishedPolicyParameters, 'address'>): Promise<GetPublishedPolicyReturnType>
    }
>
