import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { getAddress, type Hex } from 'viem'
import { artifactSourcesAt, proofXVerifierAbi } from '@proofx/sdk'
import { createSdkProverBackend } from '../server/sdk-prover-backend.js'
import { accountSourceFromArgs, loadAccount } from '../admin/load-account.js'
import { chainParseOptions, resolveChainTarget } from '../admin/chain-options.js'
import { walletFor } from '../admin/chain-options.js'
import { createBatchingRelayer } from '../server/batching-relayer.js'
import { createContractRelayer } from '../server/contract-relayer.js'
import type { Relayer } from '../server/relayer.js'
import { createProverServer } from '../server/create-prover-server.js'
import { parseApiKeyHashes, parseRateLimit, parseTrustProxy } from './serve-network-options.js'

/**
 * proofx serve: the hosted prover (POST /v1/proofs, /healthz, /readyz, /metrics).
 * Relaying is on when a signer key is given (env PROOFX_SIGNER_KEY or --signer-keystore). Relayed proofs go out in
 * submitProofs batches of up to --relay-batch-size (default 16) after at most --relay-batch-wait-ms (default 1000);
 * --relay-batch-size 1 sends each proof alone with submitProof, without waiting.
 */
export async function serveCommand(argv: string[]): Promise<void> {
  const env = process.env
  const { values } = parseArgs({
    args: argv,
    options: {
      ...chainParseOptions,
      host: { type: 'string', default: env.HOST ?? '0.0.0.0' },
      port: { type: 'string', default: env.PORT ?? '8080' },
      artifacts: { type: 'string', default: env.PROOFX_ARTIFACTS ?? 'circuits/artifacts' },
      workers: { type: 'string', default: env.PROOFX_WORKERS ?? String(availableParallelism()) },
      'max-queue': { type: 'string', default: env.PROOFX_MAX_QUEUE },
      'timeout-ms': { type: 'string', default: env.PROOFX_TIMEOUT_MS ?? '30000' },
      'body-limit': { type: 'string', default: env.PROOFX_BODY_LIMIT ?? '65536' },
      'chain-id': { type: 'string', default: env.PROOFX_CHAIN_ID },
      'signer-keystore': { type: 'string', default: env.PROOFX_SIGNER_KEYSTORE },
      'relay-batch-size': { type: 'string', default: env.PROOFX_RELAY_BATCH_SIZE ?? '16' },
      'relay-batch-wait-ms': { type: 'string', default: env.PROOFX_RELAY_BATCH_WAIT_MS ?? '1000' },
      'log-level': { type: 'string', default: env.LOG_LEVEL ?? 'info' },
      // Behind a load balancer: whose X-Forwarded-For to believe, a per-client limit, keys for relaying.
      'trust-proxy': { type: 'string', default: env.PROOFX_TRUST_PROXY },
      'rate-limit': { type: 'string', default: env.PROOFX_RATE_LIMIT },
      'relay-api-key-sha256': { type: 'string', default: env.PROOFX_RELAY_API_KEY_SHA256 },
      // The Groth16 prover in each of the SDK's workers: proofx (ProofX's engine) or snarkjs (the reference).
      engine: { type: 'string', default: env.PROOFX_ENGINE ?? 'proofx' },
    },
  })
  const artifacts = resolve(values.artifacts)
  const engine = values.engine
  if (engine !== 'proofx' && engine !== 'snarkjs') throw new Error('--engine must be proofx or snarkjs')
  const withChain = Boolean(values.contract || values.deployment || env.PROOFX_CONTRACT)
  if (!withChain && !values['chain-id'])
    throw new Error(
      'proofx serve needs the verifier the proofs are bound to: --deployment deployments/<chainId>.json (+ --rpc), or --contract with --rpc, or --chain-id with --contract for proofs only.',
    )

  let chainId: number
  let contract: `0x${string}`
  let relayer: Relayer | undefined
  let now: (() => Promise<bigint>) | undefined
  let expectedVkeyHash: Hex | undefined
  if (values.rpc || values.deployment || env.PROOFX_RPC_URL) {
    const target = await resolveChainTarget(values)
    chainId = await target.publicClient.getChainId()
    contract = target.contract
    // Proofs speak for the chain's clock, which the contract checks `now` against.
    now = async () => (await target.publicClient.getBlock({ blockTag: 'latest' })).timestamp
    expectedVkeyHash = await target.publicClient.readContract({ address: contract, abi: proofXVerifierAbi, functionName: 'vkeyHash' })
    if (env.PROOFX_SIGNER_KEY || values['signer-keystore']) {
      const account = await loadAccount(accountSourceFromArgs({ keystore: values['signer-keystore'], envVar: 'PROOFX_SIGNER_KEY' }))
      const maxBatchSize = Number(values['relay-batch-size'])
      relayer =
        maxBatchSize === 1
          ? createContractRelayer({ walletClient: walletFor(target, account), contract })
          : createBatchingRelayer({ walletClient: walletFor(target, account), contract, maxBatchSize, maxWaitMs: Number(values['relay-batch-wait-ms']) })
    }
  } else {
    chainId = Number(values['chain-id'])
    contract = getAddress(values.contract ?? env.PROOFX_CONTRACT ?? '')
  }

  const size = Number(values.workers)
  // A pool of the SDK's provers (one worker thread each), artifacts checked against manifest.json and the contract's vkeyHash.
  let warnFallback = (_: string) => {}
  const backend = createSdkProverBackend({
    size,
    expectedVkeyHash,
    timeout: Number(values['timeout-ms']),
    engine,
    onFallback: ({ error }) => warnFallback(error.details),
    artifacts: artifactSourcesAt((file) => `${artifacts}/${file}`),
  })
  const app = await createProverServer({
    backend,
    chainId,
    verifier: contract,
    relayer,
    now,
    maxQueue: values['max-queue'] ? Number(values['max-queue']) : undefined,
    requestTimeoutMs: Number(values['timeout-ms']),
    bodyLimit: Number(values['body-limit']),
    logger: { level: values['log-level'] },
    trustProxy: parseTrustProxy(values['trust-proxy']),
    rateLimit: parseRateLimit(values['rate-limit']),
    relayApiKeySha256: parseApiKeyHashes(values['relay-api-key-sha256'], '--relay-api-key-sha256'),
  })
  warnFallback = (reason) => app.log.warn({ requested: engine, used: 'snarkjs', reason }, 'proving engine unavailable: a worker proves with snarkjs')
  const address = await app.listen({ host: values.host, port: Number(values.port) })
  app.log.info(
    { address, chainId, contract, engine, vkeyHash: expectedVkeyHash ?? null, workers: backend.size, relay: relayer?.address ?? null },
    'proofx prover listening',
  )
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      app.close().then(() => process.exit(0))
    })
  await new Promise(() => {}) // serve until a signal
}
