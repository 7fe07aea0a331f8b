import type { Account, Chain, Client, Transport } from 'viem'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
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
