import type { Account, Address, Chain, Client, Hash, Transport, WatchContractEventReturnType } from 'viem'
import { watchVerifierEvent } from '../chain/watch-verifier-event.js'
import type { ProofXErrorType } from '../errors/base.js'

/** One ProofVerified event: a proof passed every check before the pairing; `success` is the pairing result. */
export type ProofVerifiedEvent = {
  subject: Address
  /** The account that sent it: the subject itself, or a SIGNER_ROLE relayer. */
  signer: Address
  policyId: bigint
  nullifier: bigint
  success: boolean
  blockNumber: bigint
  transactionHash: Hash
  logIndex: number
}

export type WatchProofVerifiedParameters = {
  /** The ProofXVerifier proxy. */
  address: Address
  /** Called with each batch of new events, oldest first. */
  onEvents: (events: ProofVerifiedEvent[]) => void
  onError?: ((error: Error) => void) | undefined
  /** Only events for this subject / signer / policy (indexed topics, filtered by the node). */
  subject?: Address | undefined
  signer?: Address | undefined
  policyId?: bigint | undefined
  /** Also deliver events from this block on (default: only new ones). */
  fromBlock?: bigint | undefined
  /** Milliseconds between polls over HTTP (default: the client's pollingInterval). */
  pollingInterval?: number | undefined
}

/** Stops watching. */
export type WatchProofVerifiedReturnType = WatchContractEventReturnType

export type WatchProofVerifiedErrorType = ProofXErrorType

/**
 * Watches the verifier's ProofVerified events (the playbook's monitoring signal: a failed one means someone
 * submitted a proof that does not verify).
 * @example
 * const unwatch = watchProofVerified(client, {
 *   address: deployment.proxy,
 *   onEvents: (events) => events.filter((e) => !e.success).forEach(alert),
 * })
 */
export function watchProofVerified(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  parameters: WatchProofVerifiedParameters,
): WatchProofVerifiedReturnType {
  const { subject, signer, policyId, ...watch } = parameters
  return watchVerifierEvent(client, { ...watch, eventName: 'ProofVerified', args: { subject, signer, policyId } })
}
