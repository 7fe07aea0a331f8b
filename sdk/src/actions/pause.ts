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
import type { MissingRoleErrorType, ContractPausedErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type PauseParameters = WriteVerifierOptions

export type PauseReturnType = WriteVerifierReturnType

export type PauseErrorType = MissingRoleErrorType | ContractPausedErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Pauses the verifier: every submitProof then fails with ContractPausedError (playbook scenario B). Needs PAUSER_ROLE.
 * @example
 * await pause(adminClient, { address: deployment.proxy })
 */
export async function pause(client: Client<Transport, Chain | undefined, Account | undefined>, options: PauseParameters): Promise<PauseReturnType> {
  return writeVerifier(client, { ...options, functionName: 'pause', args: [] })
}

export type SimulatePauseParameters = SimulateParameters<PauseParameters>

/**
 * pause without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulatePause(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  options: SimulatePauseParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'pause', args: [] })
}
