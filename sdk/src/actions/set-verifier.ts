import type { Account, Chain, Client, Transport, Address, Hex } from 'viem'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import type { MissingRoleErrorType, ZeroAddressErrorType, VerifierHasNoCodeErrorType, ZeroVkeyHashErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type SetVerifierParameters = WriteVerifierOptions & {
  /** The new snarkjs-generated Groth16 verifier contract (deploy it first). */
  groth16Verifier: Address
  /** hashVerificationKey(vkey) of the new circuit's verification key; clients compare it with their artifacts. */
  vkeyHash: Hex
}

export type SetVerifierReturnType = WriteVerifierReturnType

export type SetVerifierErrorType = MissingRoleErrorType | ZeroAddressErrorType | VerifierHasNoCodeErrorType | ZeroVkeyHashErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Swaps the Groth16 verifier and its verification-key hash (a circuit upgrade). Needs DEFAULT_ADMIN_ROLE.
 * @example
 * await setVerifier(adminClient, { address: deployment.proxy, groth16Verifier, vkeyHash: hashVerificationKey(vkey) })
 */
export async function setVerifier(client: Client<Transport, Chain | undefined, Account | undefined>, { groth16Verifier, vkeyHash, ...options }: SetVerifierParameters): Promise<SetVerifierReturnType> {
  return writeVerifier(client, { ...options, functionName: 'setVerifier', args: [groth16Verifier, vkeyHash] })
}
