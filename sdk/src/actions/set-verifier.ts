import type { Account, Chain, Client, Transport, Address, Hex } from 'viem'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
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
 * voiding earlier records or not. Needs DEFAULT_ADMIN_ROLE.
 * @example
 * await setVerifier(adminClient, { address: deployment.proxy, groth16Verifier, vkeyHash: hashVerificationKey(vkey), voidEarlierRecords: true })
 */
export async function setVerifier(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { groth16Verifier, vkeyHash, voidEarlierRecords, ...options }: SetVerifierParameters,
): Promise<SetVerifierReturnType> {
  return writeVerifier(client, { ...options, functionName: 'setVerifier', args: [groth16Verifier, vkeyHash, voidEarlierRecords] })
}
