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
import type { MissingRoleErrorType, ZeroMaxProofAgeErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type SetMaxProofAgeParameters = WriteVerifierOptions & {
  /** Seconds before the current block a proof's timestamp may be. */
  maxProofAge: number
}

export type SetMaxProofAgeReturnType = WriteVerifierReturnType

export type SetMaxProofAgeErrorType = MissingRoleErrorType | ZeroMaxProofAgeErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Sets how old a proof may be when it is submitted. Needs DEFAULT_ADMIN_ROLE.
 * @example
 * await setMaxProofAge(adminClient, { address: deployment.proxy, maxProofAge: 3600 })
 */
export async function setMaxProofAge(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { maxProofAge, ...options }: SetMaxProofAgeParameters,
): Promise<SetMaxProofAgeReturnType> {
  return writeVerifier(client, { ...options, functionName: 'setMaxProofAge', args: [maxProofAge] })
}

export type SimulateSetMaxProofAgeParameters = SimulateParameters<SetMaxProofAgeParameters>

/**
 * setMaxProofAge without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateSetMaxProofAge(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { maxProofAge, ...options }: SimulateSetMaxProofAgeParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'setMaxProofAge', args: [maxProofAge] })
}
