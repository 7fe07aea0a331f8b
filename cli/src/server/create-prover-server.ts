import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Address } from 'viem'
import { computeScope, ProofXError, buildPolicy, validateProofInput, toProofXProof } from '@proofx/sdk'
import { createApiKeyCheck, presentedApiKey } from './api-keys.js'
import { QueueFullError, QueueTimeoutError, createBoundedQueue } from './bounded-queue.js'
import { createProverMetrics, type ProofErrorReason } from './metrics.js'
import { CREDENTIAL_LOG_PATHS } from './credential-log-paths.js'
import type { ProofBackend, ProofJob } from './proof-backend.js'
import type { Relayer } from './relayer.js'
import { parseProofRequest } from './request-schema.js'

export type ProverServerOptions = {
  backend: ProofBackend
  /** Chain and ProofXVerifier proxy the proofs are bound to (the scope signal). */
  chainId: number
  verifier: Address
  /** Jobs that may wait for a worker; beyond it requests get 429 + Retry-After. Default 2 x pool size. */
  maxQueue?: number | undefined
  /** Whole-request budget (queue wait + proving + relay), ms. Default 30 s. */
  requestTimeoutMs?: number | undefined
  /** Largest request body, bytes. Default 64 KiB (a credential is ~1 KiB). */
  bodyLimit?: number | undefined
  /** Present when the service may relay proofs on-chain. */
  relayer?: Relayer | undefined
  /** Unix seconds the proofs speak for; default the wall clock. Use the chain's clock when relaying. */
  now?: (() => Promise<bigint>) | undefined
  /**
   * Which peers are trusted proxies (load balancers): their `X-Forwarded-For` gives the client's address, which
   * is then what the logs (`remoteAddress`) and the rate limit use. Fastify's `trustProxy`: addresses/CIDRs
   * (`'10.0.0.0/8'`, `['127.0.0.1']`), or true (trust every peer: only behind a proxy that
   * overwrites the header). Default: none, so the peer itself is the client.
   */
  trustProxy?: boolean | string | string[] | undefined
  /** Per-client limit on POST /v1/proofs (clients told apart by address, see trustProxy); 429 + Retry-After beyond it. */
  rateLimit?: { max: number; timeWindowMs: number } | undefined
  /**
   * sha256 hex hashes of the API keys allowed to request a relay (`relay: true`); the keys themselves are never
   * stored. Clients send `Authorization: Bearer <key>` or `X-API-Key`. Unset: relaying needs no key.
   */
  relayApiKeySha256?: readonly string[] | undefined
  /** Fastify/pino logger options; redaction of credential paths is always added. */
  logger?: Exclude<FastifyServerOptions['logger'], boolean> | boolean | undefined
}

/** Paths pino must never print, wherever a body or credential ends up in a log object. */
export const REDACTED_LOG_PATHS = [...CREDENTIAL_LOG_PATHS, '*.*.attributes', 'req.headers.cookie']

/**
 * The hosted prover: POST /v1/proofs {credential, policy, subject, relay?} -> Groth16 proof
 * (and optionally the relay transaction). Stateless: nothing is written to disk and nothing private is logged.
 */
export async function createProverServer(options: ProverServerOptions): Promise<FastifyInstance> {
  const { backend, chainId, verifier, relayer } = options
  const maxQueue = options.maxQueue ?? backend.size * 2
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000
  const now = options.now ?? (async () => BigInt(Math.floor(Date.now() / 1000)))
  const scope = computeScope(chainId, verifier)
  const metrics = createProverMetrics({ poolSize: backend.size })
  relayer?.registerMetrics?.(metrics.registry)
  let meanProofMs = 2000
  const queue = createBoundedQueue({
    concurrency: backend.size,
    maxQueue,
    onDepth: (depth) => metrics.queueDepth.set(depth),
    estimateJobMs: () => meanProofMs,
  })

  const loggerOption =
    options.logger === false
      ? false
      : {
          level: 'info',
          ...(typeof options.logger === 'object' ? options.logger : {}),
          redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
        }
  const app = Fastify({
    logger: loggerOption,
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    requestTimeout: requestTimeoutMs + 5_000,
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
  })
  // Registered globally but enforced only on the routes that opt in (POST /v1/proofs); keyed by request.ip.
  await app.register(rateLimit, { global: false })
  const canRelay = options.relayApiKeySha256?.length ? createApiKeyCheck(options.relayApiKeySha256) : undefined

  let ready = false
  let closing = false
  // Playbook A "Service stops accepting that key": once the chain says our key lost SIGNER_ROLE, relaying stops.
  let relayRevoked = false
  backend.warmup().then(
    () => {
      ready = true
    },
    (error) => app.log.error({ error: errorName(error) }, 'prover warmup failed'),
  )
  app.addHook('onClose', async () => {
    closing = true
    await relayer?.close?.()
    await backend.close()
  })

  const fail = (reason: ProofErrorReason) => metrics.errors.inc({ reason })

  app.get('/healthz', async () => ({ status: 'ok' }))
  app.get('/readyz', async (_req, reply) => {
    const ok = ready && !closing
    const relay = relayer ? { signer: relayer.address, status: relayRevoked ? 'revoked' : 'active' } : null
    return reply
      .code(ok ? 200 : 503)
      .send({ status: ok ? 'ready' : closing ? 'closing' : 'starting', workers: backend.size, queue: queue.waiting, maxQueue, relay })
  })
  app.get('/metrics', async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()))

  const proofRouteConfig = { rateLimit: options.rateLimit ? { max: options.rateLimit.max, timeWindow: options.rateLimit.timeWindowMs } : (false as const) }
  app.post('/v1/proofs', { config: proofRouteConfig }, async (request, reply) => {
    metrics.requests.inc()
    const parsed = parseProofRequest(request.body)
    if (!parsed.ok) {
      fail('validation')
      request.log.info({ reason: 'validation', fields: parsed.issues.map((i) => i.field) }, 'rejected proof request')
      return reply.code(400).send({ error: 'InvalidRequestError', message: 'The request body is invalid.', issues: parsed.issues })
    }
    // Before anything else costs the service: an unauthenticated relay request is refused at once.
    if (parsed.value.relay && canRelay && !canRelay(presentedApiKey(request.headers))) {
      fail('unauthorized')
      request.log.info({ reason: 'unauthorized' }, 'relay refused: no valid API key')
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="proofx-relay"')
        .send({ error: 'RelayUnauthorizedError', message: 'Relaying needs an API key: send Authorization: Bearer <key> (or X-API-Key).' })
    }
    if (!ready || closing) {
      fail('unavailable')
      return reply.code(503).header('retry-after', '5').send({ error: 'ProverUnavailableError', message: 'The prover is starting or shutting down.' })
    }
    const body = parsed.value
    if (body.relay && !relayer) {
      fail('validation')
      return reply.code(400).send({
        error: 'InvalidRequestError',
        message: 'The request body is invalid.',
        issues: [{ field: 'relay', rule: 'unsupported', message: 'this service has no signer key; omit relay or set PROOFX_SIGNER_KEY' }],
      })
    }

    if (body.relay && relayRevoked) {
      fail('relay')
      return reply.code(503).send({
        error: 'RelaySignerRevokedError',
        message: `This service's signer ${relayer!.address} no longer holds SIGNER_ROLE: it relays nothing until redeployed with a new key.`,
      })
    }

    metrics.inFlight.inc()
    try {
      const timestamp = await now()
      let job: ProofJob
      try {
        const { credential, policy } = validateProofInput({ credential: body.credential, policy: body.policy, subject: body.subject, now: timestamp })
        job = { credential, policy: buildPolicy(policy), subject: body.subject, now: timestamp, scope }
      } catch (error) {
        fail('rule_violation')
        const field = error instanceof ProofXError && 'field' in error ? String(error.field) : undefined
        // Only the error name and field: the message would carry the private values.
        request.log.info({ reason: 'rule_violation', error: errorName(error), field }, 'credential does not meet the policy')
        return reply.code(422).send({ error: errorName(error), field, message: `The credential does not meet the policy (field "${field ?? 'unknown'}").` })
      }

      const result = await queue.run(
        async () => {
          const started = performance.now()
          const out = await backend.prove(job)
          const ms = performance.now() - started
          meanProofMs = meanProofMs * 0.8 + ms * 0.2
          metrics.proofGenerationSeconds.observe(ms / 1000)
          return out
        },
        { timeoutMs: requestTimeoutMs },
      )

      const solidity = toProofXProof(result)
      const calldata = { policyId: body.policy.policyId.toString(), subject: body.subject, proof: stringify(solidity) }
      if (!body.relay || !relayer) return { proof: result.proof, publicSignals: result.publicSignals, calldata }

      try {
        const tx = await relayer.submit({ policyId: body.policy.policyId, subject: body.subject, proof: solidity })
        metrics.relays.inc({ outcome: tx.verified ? 'verified' : 'rejected' })
        request.log.info({ tx: tx.transactionHash, verified: tx.verified, gasUsed: tx.gasUsed.toString(), batchSize: tx.batchSize ?? 1 }, 'relayed proof')
        return { proof: result.proof, publicSignals: result.publicSignals, calldata, relay: { signer: relayer.address, ...stringify(tx) } }
      } catch (error) {
        fail('relay')
        metrics.relays.inc({ outcome: 'reverted' })
        if (errorName(error) === 'UnauthorizedSubmitterError') relayRevoked = true
        request.log.warn({ reason: 'relay', error: errorName(error) }, 'relay failed')
        return reply.code(502).send({
          error: errorName(error),
          message: error instanceof ProofXError ? error.shortMessage : 'The relay transaction failed.',
          proof: result.proof,
          publicSignals: result.publicSignals,
          calldata,
        })
      }
    } catch (error) {
      if (error instanceof QueueFullError) {
        fail('queue_full')
        return reply
          .code(429)
          .header('retry-after', String(error.retryAfterSeconds))
          .send({ error: error.name, message: error.shortMessage, retryAfter: error.retryAfterSeconds })
      }
      if (error instanceof QueueTimeoutError) {
        fail('timeout')
        request.log.warn({ reason: 'timeout', timeoutMs: error.timeoutMs }, 'proof request timed out')
        return reply.code(503).header('retry-after', String(queue.retryAfterSeconds())).send({ error: error.name, message: error.shortMessage })
      }
      fail('proving')
      request.log.error({ reason: 'proving', error: errorName(error) }, 'proof generation failed')
      return reply.code(500).send({ error: errorName(error), message: 'Proof generation failed.' })
    } finally {
      metrics.inFlight.dec()
    }
  })

  return app
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'UnknownError')

type Stringified<T> = T extends bigint
  ? string
  : T extends readonly unknown[]
    ? { [K in keyof T]: Stringified<T[K]> }
    : T extends object
      ? { [K in keyof T]: Stringified<T[K]> }
      : T
/** bigints -> decimal strings for JSON. */
function stringify<T>(value: T): Stringified<T> {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))
}
