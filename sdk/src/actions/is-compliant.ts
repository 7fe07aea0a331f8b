import type { Account, Address, BlockNumber, Chain, Client, Transport } from 'viem'
import { readContract } from 'viem/actions'
import { proofXVerifierAbi } from '../chain/abi.js'
import type { ProofXErrorType } from '../errors/base.js'

export type IsCompliantParameters = {
  /** The ProofXVerifier proxy. */
  address: Address
  subject: Address
  policyId: bigint
  blockNumber?: BlockNumber | undefined
}

export type IsCompliantReturnType = boolean

export type IsCompliantErrorType = ProofXErrorType

/**
 * The contract's own answer: an unexpired record under an active policy, from a still-trusted issuer,
 * for a credential that is not revoked. For the expiry and the reason when false, use getComplianceStatus.
 * @example
 * const ok = await isCompliant(client, { address: deployment.proxy, subject, policyId: 1n })
 */
export async function isCompliant(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { address, subject, policyId, blockNumber }: IsCompliantParameters,
): Promise<IsCompliantReturnType> {
  return readContract(client, {
    address,
    abi: proofXVerifierAbi,
    functionName: 'isCompliant',
    args: [subject, policyId],
    ...(blockNumber === undefined ? {} : { blockNumber }),
  })
}
