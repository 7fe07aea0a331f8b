import type { Account, Chain, Client, Transport, Address } from 'viem'
import { proofXRoles } from '../chain/roles.js'
import {
  simulateVerifier,
  writeVerifier,
  type SimulateParameters,
  type SimulateVerifierReturnType,
  type WriteVerifierOptions,
  type WriteVerifierReturnType,
} from '../chain/write-verifier.js'
import type { ProofXErrorType } from '../errors/base.js'
import type { MissingRoleErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type RevokeSignerParameters = WriteVerifierOptions & {
  /** The signer to cut off, e.g. a compromised prover-service key (playbook scenario A). */
  signer: Address
}

export type RevokeSignerReturnType = WriteVerifierReturnType

export type RevokeSignerErrorType = MissingRoleErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Revokes SIGNER_ROLE from `signer`; its submissions then fail with UnauthorizedSubmitterError. Needs DEFAULT_ADMIN_ROLE.
 * @example
 * await revokeSigner(adminClient, { address: deployment.proxy, signer: compromisedKey })
 */
export async function revokeSigner(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { signer, ...options }: RevokeSignerParameters,
): Promise<RevokeSignerReturnType> {
  return writeVerifier(client, { ...options, functionName: 'revokeRole', args: [proofXRoles.SIGNER_ROLE, signer] })
}

export type SimulateRevokeSignerParameters = SimulateParameters<RevokeSignerParameters>

/**
 * revokeSigner without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateRevokeSigner(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { signer, ...options }: SimulateRevokeSignerParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'revokeRole', args: [proofXRoles.SIGNER_ROLE, signer] })
}
