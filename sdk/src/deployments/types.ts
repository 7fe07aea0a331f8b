import type { Address, Hex } from 'viem'

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
  /** The issuer registered at deployment (the demo issuer locally), if any. */
  issuerKeyHash?: bigint | undefined
}
