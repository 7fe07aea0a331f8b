import type { Account, Address, Chain, Client, ContractEventArgs, ContractEventName, GetEventArgs, Hash, Transport, WatchContractEventReturnType } from 'viem'
import { watchContractEvent } from 'viem/actions'
import { proofXVerifierAbi } from './abi.js'

type Abi = typeof proofXVerifierAbi
type VerifierEventName = ContractEventName<Abi>

/** An event's arguments with where it stands in the chain: what the watch actions deliver. */
export type VerifierEvent<name extends VerifierEventName> = GetEventArgs<Abi, name, { EnableUnion: false; IndexedOnly: false; Required: true }> & {
  blockNumber: bigint
  transactionHash: Hash
  logIndex: number
}

export type WatchVerifierEventParameters<name extends VerifierEventName> = {
  address: Address
  eventName: name
  /** Indexed arguments to filter on (the node filters the topics). */
  args: ContractEventArgs<Abi, name>
  onEvents: (events: VerifierEvent<name>[]) => void
  onError?: ((error: Error) => void) | undefined
  fromBlock?: bigint | undefined
  pollingInterval?: number | undefined
}

/**
 * Watches one ProofXVerifier event and delivers each batch of mined logs (pending ones, without a block, are left
 * out) as plain events, oldest first: the one log mapping the watch actions share.
 */
export function watchVerifierEvent<name extends VerifierEventName>(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { address, eventName, args, onEvents, onError, fromBlock, pollingInterval }: WatchVerifierEventParameters<name>,
): WatchContractEventReturnType {
  return watchContractEvent(client, {
    address,
    abi: proofXVerifierAbi,
    eventName,
    args,
    strict: true,
    ...(fromBlock === undefined ? {} : { fromBlock }),
    ...(pollingInterval === undefined ? {} : { pollingInterval }),
    onError,
    // Typed here: viem cannot narrow the log type over a generic event name.
    onLogs: (logs: { args: object; blockNumber: bigint | null; transactionHash: Hash | null; logIndex: number | null }[]) => {
      const events = logs
        .filter((log) => log.blockNumber !== null && log.transactionHash !== null)
        .map(
          (log) => ({ ...log.args, blockNumber: log.blockNumber!, transactionHash: log.transactionHash!, logIndex: log.logIndex ?? 0 }) as VerifierEvent<name>,
        )
      if (events.length > 0) onEvents(events)
    },
  } as never)
}
