import type { Account, Address, Chain, Client, Transport } from 'viem'
import { readContract } from 'viem/actions'
import { proofXVerifierAbi } from '../chain/abi.js'
import type { ProofXErrorType } from '../errors/base.js'

export type GetPolicyParameters = {
  /** The ProofXVerifier proxy. */
  address: Address
  policyId: bigint
}

export type GetPolicyReturnType = {
  policyId: bigint
  /** Poseidon(policyId, minNetCapital, minKycLevel, maxRiskScore, jurisdictionRoot); 0 if not registered. */
  policyHash: bigint
  /** Seconds a compliance record stays valid after the proof's timestamp. */
  validityPeriod: number
  active: boolean
  /** Whether anything is registered under the id. */
  registered: boolean
}

export type GetPolicyErrorType = ProofXErrorType

/**
 * The policy registered under `policyId`. Check `policyHash` against buildPolicy(rules).hash before proving.
 * @example
 * const policy = await getPolicy(client, { address: deployment.proxy, policyId: 1n })
 */
export async function getPolicy(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { address, policyId }: GetPolicyParameters,
): Promise<GetPolicyReturnType> {
  const policy = await readContract(client, { address, abi: proofXVerifierAbi, functionName: 'getPolicy', args: [policyId] })
  return { policyId, policyHash: policy.policyHash, validityPeriod: policy.validityPeriod, active: policy.active, registered: policy.policyHash !== 0n }
}
