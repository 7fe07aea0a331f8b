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
import type {
  UnauthorizedRevokerErrorType,
  CredentialAlreadyRevokedErrorType,
  SignalOutOfFieldErrorType,
  ContractRevertedErrorType,
} from '../errors/contract.js'

export type RevokeCredentialParameters = WriteVerifierOptions & {
  issuerKeyHash: bigint
  /** computeNullifier(attributes, computeScope(chainId, proxy)): the issuer can compute it from what it signed. */
  nullifier: bigint
}

export type RevokeCredentialReturnType = WriteVerifierReturnType

export type RevokeCredentialErrorType =
  | UnauthorizedRevokerErrorType
  | CredentialAlreadyRevokedErrorType
  | SignalOutOfFieldErrorType
  | ContractRevertedErrorType
  | ProofXErrorType

/**
 * Revokes a credential on this deployment (every policy at once). Only the issuer's revoker or an admin.
 * @example
 * const nullifier = computeNullifier(credential.attributes, computeScope(chainId, deployment.proxy))
 * await revokeCredential(revokerClient, { address: deployment.proxy, issuerKeyHash: issuer.keyHash, nullifier })
 */
export async function revokeCredential(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { issuerKeyHash, nullifier, ...options }: RevokeCredentialParameters,
): Promise<RevokeCredentialReturnType> {
  return writeVerifier(client, { ...options, functionName: 'revokeCredential', args: [issuerKeyHash, nullifier] })
}

export type SimulateRevokeCredentialParameters = SimulateParameters<RevokeCredentialParameters>

/**
 * revokeCredential without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateRevokeCredential(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { issuerKeyHash, nullifier, ...options }: SimulateRevokeCredentialParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'revokeCredential', args: [issuerKeyHash, nullifier] })
}
