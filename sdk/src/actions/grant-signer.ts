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

export type GrantSignerParameters = WriteVerifierOptions & {
  /** The prover-service or relayer account that may submit proofs on behalf of subjects. */
  signer: Address
}

export type GrantSignerReturnType = WriteVerifierReturnType

export type GrantSignerErrorType = MissingRoleErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Grants SIGNER_ROLE: `signer` may then submit proofs for any subject (a relayer). Needs DEFAULT_ADMIN_ROLE.
 * Emits RoleGranted, which the playbook alerts on.
 * @example
 * await grantSigner(adminClient, { address: deployment.proxy, signer: '0x…' })
 */
export async function grantSigner(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { signer, ...options }: GrantSignerParameters,
): Promise<GrantSignerReturnType> {
  return writeVerifier(client, { ...options, functionName: 'grantRole', args: [proofXRoles.SIGNER_ROLE, signer] })
}

export type SimulateGrantSignerParameters = SimulateParameters<GrantSignerParameters>

/**
 * grantSigner without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateGrantSigner(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { signer, ...options }: SimulateGrantSignerParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'grantRole', args: [proofXRoles.SIGNER_ROLE, signer] })
}
