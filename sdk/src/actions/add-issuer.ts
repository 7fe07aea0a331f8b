import type { Account, Chain, Client, Transport, Address } from 'viem'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import type {
  MissingRoleErrorType,
  InvalidIssuerKeyHashErrorType,
  IssuerAlreadyTrustedErrorType,
  ZeroAddressErrorType,
  ContractRevertedErrorType,
} from '../errors/contract.js'

export type AddIssuerParameters = WriteVerifierOptions & {
  /** The issuer key's `keyHash` (hashIssuerKey(publicKey)). */
  issuerKeyHash: bigint
  /** The address that may revoke this issuer's credentials. */
  revoker: Address
}

export type AddIssuerReturnType = WriteVerifierReturnType

export type AddIssuerErrorType =
  | MissingRoleErrorType
  | InvalidIssuerKeyHashErrorType
  | IssuerAlreadyTrustedErrorType
  | ZeroAddressErrorType
  | ContractRevertedErrorType
  | ProofXErrorType

/**
 * Trusts an issuer key. Needs DEFAULT_ADMIN_ROLE.
 * @example
 * await addIssuer(adminClient, { address: deployment.proxy, issuerKeyHash: issuer.keyHash, revoker: issuerOps })
 */
export async function addIssuer(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { issuerKeyHash, revoker, ...options }: AddIssuerParameters,
): Promise<AddIssuerReturnType> {
  return writeVerifier(client, { ...options, functionName: 'addIssuer', args: [issuerKeyHash, revoker] })
}
