import type { Account, Chain, Client, Transport, Address, Hex } from 'viem'
import {
  simulateVerifier,
  writeVerifier,
  type SimulateParameters,
  type SimulateVerifierReturnType,
  type WriteVerifierOptions,
  type WriteVerifierReturnType,
} from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import type {
  MissingRoleErrorType,
  ZeroAddressErrorType,
  VerifierHasNoCodeErrorType,
  ZeroVkeyHashErrorType,
  GenerationsExhaustedErrorType,
  ContractRevertedErrorType,
} from '../errors/contract.js'

export type SetVerifierParameters = WriteVerifierOptions & {
  /** The new snarkjs-generated Groth16 verifier contract (deploy it first). */
  groth16Verifier: Address
  /** hashVerificationKey(vkey) of the new circuit's verification key; clients compare it with their artifacts. */
  vkeyHash: Hex
  /**
   * true: every record proven under an earlier verifier stops counting at once (playbook "start fresh", for a
   * verifier that accepted invalid proofs). false: they keep counting until they expire ("migrate"). No default:
   * the choice is the operator's.
   */
  voidEarlierRecords: boolean
}

export type SetVerifierReturnType = WriteVerifierReturnType

export type SetVerifierErrorType =
  | MissingRoleErrorType
  | ZeroAddressErrorType
  | VerifierHasNoCodeErrorType
  | ZeroVkeyHashErrorType
  | GenerationsExhaustedErrorType
  | ContractRevertedErrorType
  | ProofXErrorType

/**
 * Swaps the Groth16 verifier and its verification-key hash (a circuit upgrade) and starts a new verifier generation,
 * voiding earlier records or not. Needs UPGRADER_ROLE (the timelock in a governed deployment: schedule it with
 * `proofx admin set-verifier --propose`).
 * @example
 * await setVerifier(adminClient, { address: deployment.proxy, groth16Verifier, vkeyHash: hashVerificationKey(vkey), voidEarlierRecords: true })
 */
export async function setVerifier(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { groth16Verifier, vkeyHash, voidEarlierRecords, ...options }: SetVerifierParameters,
): Promise<SetVerifierReturnType> {
  return writeVerifier(client, { ...options, functionName: 'setVerifier', args: [groth16Verifier, vkeyHash, voidEarlierRecords] })
}

export type SimulateSetVerifierParameters = SimulateParameters<SetVerifierParameters>

/**
 * setVerifier without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateSetVerifier(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { groth16Verifier, vkeyHash, voidEarlierRecords, ...options }: SimulateSetVerifierParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'setVerifier', args: [groth16Verifier, vkeyHash, voidEarlierRecords] })
}
