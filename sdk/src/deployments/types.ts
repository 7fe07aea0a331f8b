import type { Address, Hex } from 'viem'
import type { PolicyDocument } from '../policies/policy-document.js'

/** Where a deployment publishes one policy's document: bundled in the file, or at a URL (fetched and checked). */
export type PublishedPolicyDocument = PolicyDocument | { url: string }

/** Where ProofX lives on one chain: what the deploy script writes to deployments/<chainId>.json. */
export type ProofXDeployment = {
  chainId: number
  /** The ERC-1967 proxy: the address every action talks to. */
  proxy: Address
  implementation: Address
  groth16Verifier: Address
  /** Groth16BatchVerifier (submitProofs); absent in deployments made before it existed. */
  groth16BatchVerifier?: Address | undefined
  /** hashVerificationKey of the circuit's verification key, as the contract stores it. */
  vkeyHash: Hex
  /** First block to scan for events. */
  deployBlock: bigint
  /** Policy name -> policy id, e.g. { accredited: 1n, retail: 2n }. */
  policies: Record<string, bigint>
  /**
   * Policy name -> its published document, bundled or by URL. The SDK proves with these rules only after checking
   * their hash against the contract (getPublishedPolicy). Empty for deployment files written before documents existed.
   */
  policyDocuments: Record<string, PublishedPolicyDocument>
  /** The issuer registered at deployment (the demo issuer locally), if any. */
  issuerKeyHash?: bigint | undefined
}
