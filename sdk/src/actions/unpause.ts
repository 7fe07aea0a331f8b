import type { Account, Chain, Client, Transport } from 'viem'
import {
  simulateVerifier,
  writeVerifier,
  type SimulateParameters,
  type SimulateVerifierReturnType,
  type WriteVerifierOptions,
  type WriteVerifierReturnType,
} from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import type { MissingRoleErrorType, ContractNotPausedErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type UnpauseParameters = WriteVerifierOptions

export type UnpauseReturnType = WriteVerifierReturnType

export type UnpauseErrorType = MissingRoleErrorType | ContractNotPausedErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Resumes proof submission. Needs DEFAULT_ADMIN_ROLE (the Safe in a governed deployment: a guardian with PAUSER_ROLE
 * pauses at once but cannot restart).
 * @example
 * await unpause(adminClient, { address: deployment.proxy })
 */
export async function unpause(client: Client<Transport, Chain | undefined, Account | undefined>, options: UnpauseParameters): Promise<UnpauseReturnType> {
  return writeVerifier(client, { ...options, functionName: 'unpause', args: [] })
}

export type SimulateUnpauseParameters = SimulateParameters<UnpauseParameters>

/**
 * unpause without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateUnpause(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  options: SimulateUnpauseParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'unpause', args: [] })
}
