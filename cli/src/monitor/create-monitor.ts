import type { Address, PublicClient } from 'viem'
import { proofXVerifierAbi } from '@proofx/sdk'
import { classifyEvent, type Alert, type DecodedLog } from './classify-event.js'
import { readCheckpoint, writeCheckpoint, type Checkpoint } from './checkpoint.js'
import type { AlertSink } from './alert-sinks.js'
import { governanceEventsAbi } from './governance-events.js'

/** Every event ProofXVerifier emits, its own and those it inherits (AccessControl, Pausable, UUPS), from the generated ABI. */
const verifierEvents = proofXVerifierAbi.filter((item): item is Extract<(typeof proofXVerifierAbi)[number], { type: 'event' }> => item.type === 'event')

export type MonitorOptions = {
  client: PublicClient
  /** The ProofXVerifier proxy. */
  contract: Address
  /** JSON file the monitor resumes from. */
  checkpointPath: string
  /** First block when there is no checkpoint yet (the deployment block); default the current head. */
  fromBlock?: bigint | undefined
  /** Blocks to wait before reading a block, so a reorg cannot retract an emitted alert. 0 on anvil. */
  confirmations?: number | undefined
  /** eth_getLogs range per request. */
  maxBlockRange?: bigint | undefined
  /** gasUsed above which a proof submission is a Gas Spike. */
  gasBaseline?: bigint | undefined
  /** The Safe and timelock that govern the proxy: their owner changes and scheduled operations are alerts too. */
  governance?: { safe?: Address | undefined; timelock?: Address | undefined } | undefined
  sinks: AlertSink[]
}

export type PollResult = { fromBlock: bigint; toBlock: bigint; alerts: Alert[] } | undefined

/**
 * Watches the proxy's events (and its Safe's and timelock's) and turns them into playbook alerts. Each alert goes to every sink
 * before the checkpoint moves past its log, so a restart resumes exactly after the last emitted one.
 */
export function createMonitor(options: MonitorOptions) {
  const { client, contract, checkpointPath, sinks, gasBaseline } = options
  const confirmations = BigInt(options.confirmations ?? 0)
  const maxBlockRange = options.maxBlockRange ?? 2_000n
  const governed = [options.governance?.timelock, options.governance?.safe].filter((a): a is Address => a !== undefined)
  const addresses = [contract, ...governed]
  const events = governed.length ? [...verifierEvents, ...governanceEventsAbi()] : verifierEvents
  let chainId: number | undefined

  const save = (cp: Omit<Checkpoint, 'updatedAt' | 'chainId' | 'contract'>) => writeCheckpoint(checkpointPath, { chainId: chainId!, contract, ...cp })

  /** Handles one block range up to the confirmed head; returns undefined when there is nothing new. */
  async function pollOnce(): Promise<PollResult> {
    chainId ??= await client.getChainId()
    const checkpoint = await readCheckpoint(checkpointPath)
    // cacheTime 0: viem caches the block number for a polling interval, which would hide a block just mined.
    const head = (await client.getBlockNumber({ cacheTime: 0 })) - confirmations
    const fromBlock = checkpoint ? BigInt(checkpoint.nextBlock) : (options.fromBlock ?? head)
    if (head < fromBlock) return undefined
    const toBlock = head - fromBlock + 1n > maxBlockRange ? fromBlock + maxBlockRange - 1n : head
    const cursor = checkpoint?.cursor && BigInt(checkpoint.nextBlock) === fromBlock ? checkpoint.cursor : undefined

    const logs = (await client.getLogs({ address: addresses, events, fromBlock, toBlock, strict: false })) as unknown as DecodedLog[]
    logs.sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1))
    const emitted: Alert[] = []
    for (const log of logs) {
      if (cursor && (log.blockNumber < BigInt(cursor.blockNumber) || (log.blockNumber === BigInt(cursor.blockNumber) && log.logIndex <= cursor.logIndex)))
        continue
      const gasUsed =
        log.eventName === 'ProofVerified' && gasBaseline !== undefined ? (await client.getTransactionReceipt({ hash: log.transactionHash })).gasUsed : undefined
      for (const alert of classifyEvent(log, { chainId, gasUsed, gasBaseline, proxy: contract, timelock: options.governance?.timelock })) {
        for (const sink of sinks) await sink(alert)
        emitted.push(alert)
      }
      await save({ nextBlock: fromBlock.toString(), cursor: { blockNumber: log.blockNumber.toString(), logIndex: log.logIndex } })
    }
    await save({ nextBlock: (toBlock + 1n).toString() })
    return { fromBlock, toBlock, alerts: emitted }
  }

  /** Polls until the checkpoint reaches the confirmed head. */
  async function catchUp(): Promise<Alert[]> {
    const all: Alert[] = []
    for (let r = await pollOnce(); r; r = await pollOnce()) all.push(...r.alerts)
    return all
  }

  /** Follows new blocks with viem's block watcher; one poll at a time. Returns unwatch. */
  function watch({ pollingInterval = 4_000, onError }: { pollingInterval?: number; onError?: (error: unknown) => void } = {}): () => void {
    let running: Promise<unknown> = Promise.resolve()
    const tick = () => {
      running = running.then(catchUp).catch((error) => onError?.(error))
    }
    tick()
    return client.watchBlockNumber({ onBlockNumber: tick, pollingInterval, emitOnBegin: false, onError })
  }

  return { pollOnce, catchUp, watch }
}

export type Monitor = ReturnType<typeof createMonitor>
