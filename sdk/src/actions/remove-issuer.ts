import type { Account, Chain, Client, Transport } from 'viem'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import type { MissingRoleErrorType, IssuerNotTrustedErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type RemoveIssuerParameters = WriteVerifierOptions & {
  issuerKeyHash: bigint
}

export type RemoveIssuerReturnType = WriteVerifierReturnType

export type RemoveIssuerErrorType = MissingRoleErrorType | IssuerNotTrustedErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Stops trusting an issuer: records made with its credentials stop counting at once. Needs DEFAULT_ADMIN_ROLE.
 * @example
 * await removeIssuer(adminClient, { address: deployment.proxy, issuerKeyHash })
 */
export async function removeIssuer(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { issuerKeyHash, ...options }: RemoveIssuerParameters,
): Promise<RemoveIssuerReturnType> {
  return writeVerifier(client, { ...options, functionName: 'removeIssuer', args: [issuerKeyHash] })
}
