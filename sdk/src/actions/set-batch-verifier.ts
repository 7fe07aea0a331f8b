import type { Account, Address, Chain, Client, Transport } from 'viem'
import {
  simulateVerifier,
  writeVerifier,
  type SimulateParameters,
  type SimulateVerifierReturnType,
  type WriteVerifierOptions,
  type WriteVerifierReturnType,
} from '../chain/write-verifier.js'
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
 * Sets the batch verifier submitProofs uses. Needs UPGRADER_ROLE (the timelock in a governed deployment); its key must be the verifier's (vkeyHash).
 * @example
 * await setBatchVerifier(adminClient, { address: deployment.proxy, batchVerifier: deployment.groth16BatchVerifier! })
 */
export async function setBatchVerifier(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { batchVerifier, ...options }: SetBatchVerifierParameters,
): Promise<SetBatchVerifierReturnType> {
  return writeVerifier(client, { ...options, functionName: 'setBatchVerifier', args: [batchVerifier] })
}

export type SimulateSetBatchVerifierParameters = SimulateParameters<SetBatchVerifierParameters>

/**
 * setBatchVerifier without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateSetBatchVerifier(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { batchVerifier, ...options }: SimulateSetBatchVerifierParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'setBatchVerifier', args: [batchVerifier] })
}
