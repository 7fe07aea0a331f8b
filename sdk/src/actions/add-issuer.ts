import type { Account, Chain, Client, Transport, Address } from 'viem'
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

export type SimulateAddIssuerParameters = SimulateParameters<AddIssuerParameters>

/**
 * addIssuer without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateAddIssuer(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { issuerKeyHash, revoker, ...options }: SimulateAddIssuerParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'addIssuer', args: [issuerKeyHash, revoker] })
}
