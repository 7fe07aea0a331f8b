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

export type SimulateSetIssuerRevokerParameters = SimulateParameters<SetIssuerRevokerParameters>

/**
 * setIssuerRevoker without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateSetIssuerRevoker(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { issuerKeyHash, revoker, ...options }: SimulateSetIssuerRevokerParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'setIssuerRevoker', args: [issuerKeyHash, revoker] })
}
