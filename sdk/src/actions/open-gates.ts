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
import type { MissingRoleErrorType, GatesOpenErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type OpenGatesParameters = WriteVerifierOptions

export type OpenGatesReturnType = WriteVerifierReturnType

export type OpenGatesErrorType = MissingRoleErrorType | GatesOpenErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Opens the gates again after closeGates: records that were not voided count again. Needs DEFAULT_ADMIN_ROLE (the Safe in a
 * governed deployment: a guardian with PAUSER_ROLE closes the gates at once but cannot reopen them).
 * @example
 * await openGates(pauserClient, { address: deployment.proxy })
 */
export async function openGates(client: Client<Transport, Chain | undefined, Account | undefined>, options: OpenGatesParameters): Promise<OpenGatesReturnType> {
  return writeVerifier(client, { ...options, functionName: 'openGates', args: [] })
}

export type SimulateOpenGatesParameters = SimulateParameters<OpenGatesParameters>

/**
 * openGates without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateOpenGates(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  options: SimulateOpenGatesParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'openGates', args: [] })
}
