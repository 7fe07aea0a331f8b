import { Gauge, Histogram, type Registry } from 'prom-client'
import type { Address, Chain, LocalAccount, Transport, WalletClient } from 'viem'
import { z } from 'zod'
import { MAX_BATCH_SIZE, parseWith, submitProofs } from '@proofx/sdk'
import type { RelayResult, Relayer, SolidityProof } from './relayer.js'

export const batchingOptionsSchema = z.object({
  /** Entries per submitProofs transaction: a batch is sent as soon as this many are pending. */
  maxBatchSize: z.number().int().min(1).max(MAX_BATCH_SIZE, `must be at most ${MAX_BATCH_SIZE} (the contract's MAX_BATCH_SIZE)`).default(16),
  /** Longest a submission waits for others before its batch is sent anyway, ms. */
  maxWaitMs: z.number().int().min(0).max(60_000).default(1000),
})
export type BatchingOptions = z.input<typeof batchingOptionsSchema>

export type BatchingRelayer = Relayer & {
  /** Sends what is pending now and waits until every batch is settled (graceful shutdown). */
  close(): Promise<void>
}

type Pending = {
  entry: { policyId: bigint; subject: Address; proof: SolidityProof }
  since: number
  resolve: (result: RelayResult) => void
  reject: (error: unknown) => void
}

/**
 * Relay mode for many users: gathers pending submissions and sends them together with the SDK's submitProofs action
 * (one pairing product per batch, a third of the gas per proof at 8 and more). A batch goes out when `maxBatchSize`
 * submissions are pending or the oldest has waited `maxWaitMs`; one batch is in flight at a time (one signer, one
 * nonce). submitProofs simulates first, so an entry that would fail (revoked credential, stale proof, revoked signer
 * key, invalid proof) is left out and its submitter gets the typed error submitProof would give, while the rest of
 * the batch is recorded.
 * @example
 * const relayer = createBatchingRelayer({ walletClient, contract: deployment.proxy, maxBatchSize: 32, maxWaitMs: 2000 })
 * const app = await createProverServer({ backend, chainId, verifier: deployment.proxy, relayer })
 */
export function createBatchingRelayer({
  walletClient,
  contract,
  ...options
}: { walletClient: WalletClient<Transport, Chain | undefined, LocalAccount>; contract: Address } & BatchingOptions): BatchingRelayer {
  const { maxBatchSize, maxWaitMs } = parseWith(batchingOptionsSchema, options, '')
  let metrics: ReturnType<typeof createBatchMetrics> | undefined
  const pending: Pending[] = []
  let timer: NodeJS.Timeout | undefined
  let inFlight: Promise<void> | undefined

  const schedule = () => {
    if (inFlight || pending.length === 0) return
    const waited = Date.now() - pending[0]!.since
    if (pending.length >= maxBatchSize || waited >= maxWaitMs) return send()
    timer ??= setTimeout(() => {
      timer = undefined
      schedule()
    }, maxWaitMs - waited)
  }

  const send = () => {
    clearTimeout(timer)
    timer = undefined
    const batch = pending.splice(0, maxBatchSize)
    metrics?.pending.set(pending.length)
    inFlight = settle(batch).finally(() => {
      inFlight = undefined
      schedule()
    })
  }

  const settle = async (batch: Pending[]) => {
    try {
      const { hash, receipt, results } = await submitProofs(walletClient, { address: contract, entries: batch.map(({ entry }) => entry) })
      const sent = results.filter((r) => r.verified).length
      if (receipt) {
        metrics?.batchSize.observe(sent)
        metrics?.gasUsed.observe(Number(receipt.gasUsed))
        metrics?.gasPerProof.observe(Number(receipt.gasUsed) / sent)
      }
      results.forEach((result, i) => {
        if (result.verified)
          batch[i]!.resolve({ transactionHash: hash!, blockNumber: receipt!.blockNumber, gasUsed: receipt!.gasUsed, verified: true, batchSize: sent })
        else batch[i]!.reject(result.error)
      })
    } catch (error) {
      // A batch-wide refusal (paused, too little gas, node down): every submitter gets it.
      for (const { reject } of batch) reject(error)
    }
  }

  return {
    address: walletClient.account.address,
    submit(entry) {
      return new Promise<RelayResult>((resolve, reject) => {
        pending.push({ entry, since: Date.now(), resolve, reject })
        metrics?.pending.set(pending.length)
        schedule()
      })
    },
    registerMetrics(registry) {
      metrics = createBatchMetrics(registry)
    },
    async close() {
      while (inFlight || pending.length) {
        if (!inFlight) send()
        await inFlight
      }
    },
  }
}

/** The relay mode's metrics, on the prover service's registry. */
function createBatchMetrics(registry: Registry) {
  return {
    batchSize: new Histogram({
      name: 'proofx_relay_batch_size',
      help: 'Proofs per submitProofs transaction.',
      buckets: [1, 2, 4, 8, 16, 32, 64],
      registers: [registry],
    }),
    gasUsed: new Histogram({
      name: 'proofx_relay_batch_gas_used',
      help: 'Gas used by each submitProofs transaction (receipt).',
      buckets: [300_000, 500_000, 1_000_000, 2_000_000, 3_000_000, 6_000_000],
      registers: [registry],
    }),
    gasPerProof: new Histogram({
      name: 'proofx_relay_gas_per_proof',
      help: 'Gas used per recorded proof in each submitProofs transaction.',
      buckets: [90_000, 100_000, 120_000, 150_000, 200_000, 300_000],
      registers: [registry],
    }),
    pending: new Gauge({ name: 'proofx_relay_pending', help: 'Relay submissions waiting for their batch.', registers: [registry] }),
  }
}
