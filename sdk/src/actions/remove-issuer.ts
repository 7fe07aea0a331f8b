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

export type SimulateRemoveIssuerParameters = SimulateParameters<RemoveIssuerParameters>

/**
 * removeIssuer without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateRemoveIssuer(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { issuerKeyHash, ...options }: SimulateRemoveIssuerParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'removeIssuer', args: [issuerKeyHash] })
}
