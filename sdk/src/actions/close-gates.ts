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
import type { MissingRoleErrorType, GatesClosedErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type CloseGatesParameters = WriteVerifierOptions

export type CloseGatesReturnType = WriteVerifierReturnType

export type CloseGatesErrorType = MissingRoleErrorType | GatesClosedErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Closes the gates: every isCompliant (and so every `onlyCompliant` gate of every dApp) is false until openGates.
 * Records are kept. Does not stop submissions: pause for that (playbook scenario B "Contain" does both). Needs PAUSER_ROLE.
 * @example
 * await closeGates(pauserClient, { address: deployment.proxy })
 */
export async function closeGates(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  options: CloseGatesParameters,
): Promise<CloseGatesReturnType> {
  return writeVerifier(client, { ...options, functionName: 'closeGates', args: [] })
}

export type SimulateCloseGatesParameters = SimulateParameters<CloseGatesParameters>

/**
 * closeGates without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateCloseGates(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  options: SimulateCloseGatesParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'closeGates', args: [] })
}
