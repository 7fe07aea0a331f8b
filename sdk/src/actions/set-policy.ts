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
import type { MissingRoleErrorType, InvalidPolicyHashErrorType, ZeroValidityPeriodErrorType, ContractRevertedErrorType } from '../errors/contract.js'

export type SetPolicyParameters = WriteVerifierOptions & {
  policyId: bigint
  /** buildPolicy(rules).hash */
  policyHash: bigint
  /** Seconds a compliance record stays valid after its proof's timestamp. */
  validityPeriod: number
  /** Default true; false stops new proofs and makes existing records stop counting. */
  active?: boolean | undefined
}

export type SetPolicyReturnType = WriteVerifierReturnType

export type SetPolicyErrorType = MissingRoleErrorType | InvalidPolicyHashErrorType | ZeroValidityPeriodErrorType | ContractRevertedErrorType | ProofXErrorType

/**
 * Registers or changes a policy. Needs DEFAULT_ADMIN_ROLE.
 * @example
 * const policy = buildPolicy(DEMO_POLICIES.accredited)
 * await setPolicy(adminClient, { address: deployment.proxy, policyId: policy.policyId, policyHash: policy.hash, validityPeriod: 30 * 24 * 3600 })
 */
export async function setPolicy(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { policyId, policyHash, validityPeriod, active = true, ...options }: SetPolicyParameters,
): Promise<SetPolicyReturnType> {
  return writeVerifier(client, { ...options, functionName: 'setPolicy', args: [policyId, policyHash, validityPeriod, active] })
}

export type SimulateSetPolicyParameters = SimulateParameters<SetPolicyParameters>

/**
 * setPolicy without sending it: the checked request and its calldata, or the SDK error it would revert with (a dry run;
 * `account` may be any address, e.g. the Safe that would send it).
 */
export async function simulateSetPolicy(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { policyId, policyHash, validityPeriod, active = true, ...options }: SimulateSetPolicyParameters,
): Promise<SimulateVerifierReturnType> {
  return simulateVerifier(client, { ...options, functionName: 'setPolicy', args: [policyId, policyHash, validityPeriod, active] })
}
