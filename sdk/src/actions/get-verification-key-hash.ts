import type { Account, Address, Chain, Client, Hex, Transport } from 'viem'
import { readContract } from 'viem/actions'
import { proofXVerifierAbi } from '../chain/abi.js'
import type { ProofXErrorType } from '../errors/base.js'

export type GetVerificationKeyHashParameters = {
  /** The ProofXVerifier proxy. */
  address: Address
}

export type GetVerificationKeyHashReturnType = Hex

export type GetVerificationKeyHashErrorType = ProofXErrorType

/**
 * The hash of the verification key the contract's Groth16 verifier embeds. Compare it with
 * hashVerificationKey(vkey) of your artifacts before proving: a mismatch means every proof would be rejected.
 * @example
 * const expected = await getVerificationKeyHash(client, { address: deployment.proxy })
 */
export async function getVerificationKeyHash(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { address }: GetVerificationKeyHashParameters,
): Promise<GetVerificationKeyHashReturnType> {
  return readContract(client, { address, abi: proofXVerifierAbi, functionName: 'vkeyHash' })
}
