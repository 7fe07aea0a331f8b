import type { Account, Address, Chain, Client, Transport } from 'viem'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import type { BatchVerifierKeyMismatchErrorType, ContractRevertedErrorType, MissingRoleErrorType, VerifierHasNoCodeErrorType } from '../errors/contract.js'

export type SetBatchVerifierParameters = WriteVerifierOptions & {
  /** The Groth16BatchVerifier generated from the current verification key (deploy it first), or the zero address to check batches proof by proof. */
  batchVerifier: Address
}

export type SetBatchVerifierReturnType = WriteVerifierReturnType

export type SetBatchVerifierErrorType =
  | MissingRoleErrorType
  | VerifierHasNoCodeErrorType
  | BatchVerifierKeyMismatchErrorType
  | ContractRevertedErrorType
  | ProofXErrorType

/**
 * Sets the batch verifier submitProofs uses. Needs DEFAULT_ADMIN_ROLE; its key must be the verifier's (vkeyHash).
 * @example
 * await setBatchVerifier(adminClient, { address: deployment.proxy, batchVerifier: deployment.groth16BatchVerifier! })
 */
export async function setBatchVerifier(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { batchVerifier, ...options }: SetBatchVerifierParameters,
): Promise<SetBatchVerifierReturnType> {
  return writeVerifier(client, { ...options, functionName: 'setBatchVerifier', args: [batchVerifier] })
}
