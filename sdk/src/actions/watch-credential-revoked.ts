import type { Account, Address, Chain, Client, Hash, Transport, WatchContractEventReturnType } from 'viem'
import { watchVerifierEvent } from '../chain/watch-verifier-event.js'
import type { ProofXErrorType } from '../errors/base.js'

/** One CredentialRevoked event. */
export type CredentialRevokedEvent = {
  issuerKeyHash: bigint
  nullifier: bigint
  /** The issuer's revoker, or an admin. */
  revokedBy: Address
  blockNumber: bigint
  transactionHash: Hash
  logIndex: number
}

export type WatchCredentialRevokedParameters = {
  /** The ProofXVerifier proxy. */
  address: Address
  /** Called with each batch of new events, oldest first. */
  onEvents: (events: CredentialRevokedEvent[]) => void
  onError?: ((error: Error) => void) | undefined
  /** Only events for this issuer / nullifier (indexed topics, filtered by the node). */
  issuerKeyHash?: bigint | undefined
  nullifier?: bigint | undefined
  /** Also deliver events from this block on (default: only new ones). */
  fromBlock?: bigint | undefined
  /** Milliseconds between polls over HTTP (default: the client's pollingInterval). */
  pollingInterval?: number | undefined
}

/** Stops watching. */
export type WatchCredentialRevokedReturnType = WatchContractEventReturnType

export type WatchCredentialRevokedErrorType = ProofXErrorType

/**
 * Watches the verifier's CredentialRevoked events: a holder's page refreshes a credential's status, an issuer's
 * back office confirms its revocations landed.
 * @example
 * const unwatch = watchCredentialRevoked(client, { address: deployment.proxy, issuerKeyHash, onEvents: refresh })
 */
export function watchCredentialRevoked(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  parameters: WatchCredentialRevokedParameters,
): WatchCredentialRevokedReturnType {
  const { issuerKeyHash, nullifier, ...watch } = parameters
  return watchVerifierEvent(client, { ...watch, eventName: 'CredentialRevoked', args: { issuerKeyHash, nullifier } })
}
