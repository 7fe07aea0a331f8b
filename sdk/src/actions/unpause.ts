import type { Account, Chain, Client, Transport } from 'viem'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import type { MissingRoleErrorType, ContractNotPausedErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type UnpauseParameters = WriteVerifierOptions

export type UnpauseReturnType = WriteVerifierReturnType

export type UnpauseErrorType = MissingRoleErrorType | ContractNotPausedErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Resumes proof submission. Needs PAUSER_ROLE.
 * @example
 * await unpause(adminClient, { address: deployment.proxy })
 */
export async function unpause(client: Client<Transport, Chain | undefined, Account | undefined>, options: UnpauseParameters): Promise<UnpauseReturnType> {
  return writeVerifier(client, { ...options, functionName: 'unpause', args: [] })
}
