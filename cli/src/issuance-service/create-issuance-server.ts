import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Account, Chain, Client, Transport } from 'viem'
import { credentialLink, ProofXError, serializeCredential, type IssuerKey, type ProofXDeployment } from '@proofx/sdk'
import { credentialQr } from '../delivery/credential-qr.js'
import { issuanceRecordToJson, type IssuanceLedger } from '../issuer/issuance-ledger.js'
import { issueCredential } from '../issuer/issue-credential.js'
import { revokeCredential } from '../issuer/revoke-issued-credential.js'
import { createApiKeyCheck, presentedApiKey } from '../server/api-keys.js'
import { CREDENTIAL_LOG_PATHS } from '../server/credential-log-paths.js'
import { createIssuanceMetrics } from './issuance-metrics.js'
import {
  apiKeySecurity,
  errorResponse,
  idParams,
  issueQuery,
  issueRequest,
  issueResponse,
  issuanceRecord,
  listQuery,
  listResponse,
  revokeResponse,
} from './issuance-schemas.js'

export type IssuanceServerOptions = {
  ledger: IssuanceLedger
  /** The decrypted issuer key (from the keystore): it signs every credential this service issues. */
  issuerKey: IssuerKey
  /**
   * sha256 hex hashes of the back office's API keys (hashApiKey); the keys themselves are never stored. At least one
   * at start. Or a function giving the current ones (watchActiveApiKeyHashes), asked on every request, so keys
   * created or revoked while the service runs count from the next request; it returns the same array while unchanged.
   */
  apiKeySha256: readonly string[] | (() => Promise<readonly string[]>)
  /** The holder's page (the dApp or wallet that imports credentials): issue responses then carry a credential link. */
  holderPageUrl?: string | undefined
  /** Where revocations go: the deployment (its scope makes the nullifier) and a wallet client of the issuer's revoker. */
  revocation?:
    | { deployment: Pick<ProofXDeployment, 'chainId' | 'proxy'>; client: Client<Transport, Chain | undefined, Account>; pollingInterval?: number | undefined }
    | undefined
  /** Seconds a credential is valid when the request gives no expiresAt (default: issueCredentials' year). */
  validFor?: bigint | undefined
  /** Keep attribute values in the ledger (off by default; see docs/issuer.md). */
  keepAttributes?: boolean | undefined
  /** Per-client limit on the /v1 routes; 429 + Retry-After beyond it. Default 60 a minute. */
  rateLimit?: { max: number; timeWindowMs: number } | undefined
  /** Fastify's trustProxy: which peers' X-Forwarded-For names the client (for the rate limit). Default none. */
  trustProxy?: boolean | string | string[] | undefined
  /** Fastify/pino logger options (e.g. `{ stream }`); the service adds its own redaction and request lines. */
  logger?: Exclude<FastifyServerOptions['logger'], boolean> | boolean | undefined
}

/** Paths pino must never print, should a body, a credential or a key reach a log object. */
export const ISSUANCE_REDACTED_LOG_PATHS = [...CREDENTIAL_LOG_PATHS, 'link', 'req.url', 'req.query']

/**
 * The issuance service for a KYC provider's back office, over the `proofx issuer` functions and its ledger:
 * POST /v1/credentials (issue), GET /v1/credentials[/:id] (status), POST /v1/credentials/:id/revoke. Every /v1 route
 * needs an API key and is rate-limited; /openapi.json, /metrics and /healthz do not. Logs carry route patterns,
 * status codes, error names and fields, never an attribute value, a subject, a credential or a link.
 */
export async function createIssuanceServer(options: IssuanceServerOptions): Promise<FastifyInstance> {
  const { ledger, issuerKey, holderPageUrl, revocation } = options
  const currentApiKeys = typeof options.apiKeySha256 === 'function' ? options.apiKeySha256 : async () => options.apiKeySha256 as readonly string[]
  if (!(await currentApiKeys()).length) throw new Error('the issuance service needs at least one API key hash (PROOFX_ISSUER_API_KEY_SHA256)')
  // The check is built once per set of hashes, not per request.
  let keyCheck: { hashes: readonly string[]; check: (presented: string | undefined) => boolean } | undefined
  const isKnownKey = async (presented: string | undefined) => {
    const hashes = await currentApiKeys()
    if (keyCheck?.hashes !== hashes) keyCheck = { hashes, check: createApiKeyCheck(hashes) }
    return keyCheck.check(presented)
  }
  if (holderPageUrl !== undefined) new URL(holderPageUrl)
  const metrics = createIssuanceMetrics()

  const logger =
    options.logger === false
      ? false
      : { level: 'info', ...(typeof options.logger === 'object' ? options.logger : {}), redact: { paths: ISSUANCE_REDACTED_LOG_PATHS, censor: '[redacted]' } }
  // Fastify's own request lines print the raw URL; ours print the route pattern instead (see onResponse).
  const app = Fastify({
    logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 16 * 1024,
    trustProxy: options.trustProxy ?? false,
    return503OnClosing: true,
  })
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    metrics.requests.inc({ route, method: request.method, status: String(reply.statusCode) })
    metrics.requestSeconds.observe({ route }, reply.elapsedTime / 1000)
    request.log.info({ method: request.method, route, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request completed')
  })
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Only the name, code and field: a message may quote the value that broke the rule.
    const field = error instanceof ProofXError && 'field' in error ? String(error.field) : undefined
    if (error.validation) {
      const issue = error.validation[0]
      const path = `${error.validationContext === 'body' ? 'attributes' : error.validationContext}${issue?.instancePath.replaceAll('/', '.') ?? ''}`
      const missing = issue?.keyword === 'required' ? `.${(issue.params as { missingProperty: string }).missingProperty}` : ''
      const fieldName = `${path}${missing}`
      request.log.info({ error: 'InvalidInputError', field: fieldName }, 'invalid request')
      return reply.code(400).send({
        error: 'InvalidInputError',
        field: fieldName,
        rule: missing ? 'is required' : (issue?.message ?? 'is invalid'),
        message: `The request's ${fieldName} is invalid.`,
      })
    }
    if (error.statusCode === 429) return reply.code(429).send({ error: 'RateLimitedError', message: error.message })
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500
    request.log.error({ error: error.name, code: error.code, field }, 'request failed')
    return reply.code(status).send({ error: status === 500 ? 'InternalError' : error.name, message: status === 500 ? 'The request failed.' : error.message })
  })

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ProofX issuance service',
        version: '1.0.0',
        description: "A KYC provider's back office issues, looks up and revokes ProofX credentials. Every /v1 route needs an API key.",
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <API key>' },
          apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
    },
  })

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }))
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()))
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  await app.register(async (v1) => {
    await v1.register(rateLimit, { max: options.rateLimit?.max ?? 60, timeWindow: options.rateLimit?.timeWindowMs ?? 60_000 })
    // After the rate limit (onRequest), before the body is parsed: an unknown key costs the service nothing more.
    v1.addHook('preParsing', async (request, reply) => {
      if (await isKnownKey(presentedApiKey(request.headers))) return
      metrics.unauthorized.inc()
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="proofx-issuer"')
        .send({ error: 'UnauthorizedError', message: 'Send a valid API key: Authorization: Bearer <key> (or X-API-Key).' })
    })

    const responses = <ok extends Record<number, unknown>>(ok: ok) => ({
      ...ok,
      400: errorResponse,
      401: errorResponse,
      404: errorResponse,
      429: errorResponse,
    })

    v1.post(
      '/v1/credentials',
      {
        schema: {
          summary: 'Issue a credential',
          description: 'Signs the attributes with the issuer key and records the credential in the ledger (hashes, subject, validity).',
          body: issueRequest,
          querystring: issueQuery,
          security: apiKeySecurity,
          response: responses({ 201: issueResponse }),
        },
      },
      async (request, reply) => {
        const { qr } = request.query as { qr?: 'svg' | 'png' }
        if (qr && !holderPageUrl)
          return reply.code(400).send({
            error: 'InvalidInputError',
            field: 'qr',
            rule: 'needs the holder page (--holder-page) to build a link',
            message: 'This service has no holder page to link to.',
          })
        let issued: ReturnType<typeof issueCredential>
        try {
          issued = issueCredential(ledger, issuerKey, request.body, {
            ...(options.validFor === undefined ? {} : { validFor: options.validFor }),
            keepAttributes: options.keepAttributes ?? false,
          })
        } catch (error) {
          if (!(error instanceof ProofXError) || !('field' in error)) throw error
          metrics.rejected.inc({ reason: 'validation' })
          request.log.info({ error: error.name, field: String(error.field) }, 'attributes refused')
          // The caller sent these values: it may see the rule that names them.
          return reply
            .code(400)
            .send({ error: error.name, field: String(error.field), rule: 'rule' in error ? String(error.rule) : undefined, message: error.shortMessage })
        }
        metrics.issued.inc()
        const link = holderPageUrl ? credentialLink(holderPageUrl, issued.credential) : undefined
        const qrCode =
          link && qr
            ? {
                format: qr,
                data: qr === 'svg' ? await credentialQr(link, 'svg') : `data:image/png;base64,${(await credentialQr(link, 'png')).toString('base64')}`,
              }
            : undefined
        request.log.info({ id: issued.id }, 'credential issued')
        return reply.code(201).send({
          id: issued.id,
          record: issuanceRecordToJson(issued.record),
          credential: JSON.parse(serializeCredential(issued.credential)),
          ...(link ? { link } : {}),
          ...(qrCode ? { qrCode } : {}),
        })
      },
    )

    v1.get(
      '/v1/credentials',
      {
        schema: {
          summary: 'List issued credentials, newest first',
          querystring: listQuery,
          security: apiKeySecurity,
          response: responses({ 200: listResponse }),
        },
      },
      async (request) => {
        const { status, limit, offset } = request.query as { status?: 'issued' | 'revoked'; limit: number; offset: number }
        return { credentials: ledger.list({ status, limit, offset }).map((record) => issuanceRecordToJson(record)) }
      },
    )

    v1.get(
      '/v1/credentials/:id',
      { schema: { summary: "A credential's status", params: idParams, security: apiKeySecurity, response: responses({ 200: issuanceRecord }) } },
      async (request, reply) => {
        const record = ledger.get((request.params as { id: string }).id)
        if (!record) return reply.code(404).send({ error: 'CredentialNotFoundError', message: 'No credential with this id in the ledger.' })
        return issuanceRecordToJson(record)
      },
    )

    v1.post(
      '/v1/credentials/:id/revoke',
      {
        schema: {
          summary: 'Revoke a credential on the deployment',
          description: "Sends revokeCredential from the issuer's revoker with the nullifier for the deployment's scope, then marks the ledger.",
          params: idParams,
          security: apiKeySecurity,
          response: responses({ 200: revokeResponse, 502: errorResponse, 503: errorResponse }),
        },
      },
      async (request, reply) => {
        const { id } = request.params as { id: string }
        if (!revocation)
          return reply.code(503).send({
            error: 'RevocationUnavailableError',
            message: 'This service has no deployment and revoker key configured (--deployment, PROOFX_REVOKER_KEY).',
          })
        if (!ledger.get(id)) return reply.code(404).send({ error: 'CredentialNotFoundError', message: 'No credential with this id in the ledger.' })
        try {
          const result = await revokeCredential(ledger, { id, ...revocation })
          metrics.revocations.inc({ outcome: result.alreadyRevoked ? 'already_revoked' : 'revoked' })
          request.log.info({ id, transactionHash: result.transactionHash, alreadyRevoked: result.alreadyRevoked }, 'credential revoked')
          return {
            record: issuanceRecordToJson(result.record),
            nullifier: result.nullifier.toString(),
            chainId: result.chainId,
            contract: result.contract,
            transactionHash: result.transactionHash,
            alreadyRevoked: result.alreadyRevoked,
          }
        } catch (error) {
          metrics.revocations.inc({ outcome: 'failed' })
          const name = error instanceof Error ? error.name : 'UnknownError'
          request.log.warn({ id, error: name }, 'revocation failed')
          return reply.code(502).send({ error: name, message: error instanceof ProofXError ? error.shortMessage : 'The revocation transaction failed.' })
        }
      },
    )
  })

  return app
}
