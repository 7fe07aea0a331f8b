import type { Account, Chain, Client, Transport } from 'viem'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import type { MissingRoleErrorType, GatesOpenErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type OpenGatesParameters = WriteVerifierOptions

export type OpenGatesReturnType = WriteVerifierReturnType

export type OpenGatesErrorType = MissingRoleErrorType | GatesOpenErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Opens the gates again after closeGates: records that were not voided count again. Needs PAUSER_ROLE.
 * @example
 * await openGates(pauserClient, { address: deployment.proxy })
 */
export async function openGates(client: Client<Transport, Chain | undefined, Account | undefined>, options: OpenGatesParameters): Promise<OpenGatesReturnType> {
  return writeVerifier(client, { ...options, functionName: 'openGates', args: [] })
}
