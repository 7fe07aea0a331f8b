import type { Account, Chain, Client, Transport, Address } from 'viem'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import type { MissingRoleErrorType, IssuerNotTrustedErrorType, ZeroAddressErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type SetIssuerRevokerParameters = WriteVerifierOptions & {
  issuerKeyHash: bigint
  revoker: Address
}

export type SetIssuerRevokerReturnType = WriteVerifierReturnType

export type SetIssuerRevokerErrorType = MissingRoleErrorType | IssuerNotTrustedErrorType | ZeroAddressErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Changes who may revoke a trusted issuer's credentials. Needs DEFAULT_ADMIN_ROLE.
 * @example
 * await setIssuerRevoker(adminClient, { address: deployment.proxy, issuerKeyHash, revoker: newRevoker })
 */
export async function setIssuerRevoker(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { issuerKeyHash, revoker, ...options }: SetIssuerRevokerParameters,
): Promise<SetIssuerRevokerReturnType> {
  return writeVerifier(client, { ...options, functionName: 'setIssuerRevoker', args: [issuerKeyHash, revoker] })
}
