import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

export type IssuanceMetrics = ReturnType<typeof createIssuanceMetrics>

/**
 * The issuance service's Prometheus metrics, one registry per server. Labels are routes and outcomes only: never a
 * subject, an id or an attribute value.
 */
export function createIssuanceMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  return {
    registry,
    requests: new Counter({
      name: 'proofx_issuer_http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status code.',
      labelNames: ['route', 'method', 'status'] as const,
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: 'proofx_issuer_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern.',
      labelNames: ['route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    issued: new Counter({ name: 'proofx_issuer_credentials_issued_total', help: 'Credentials signed and recorded in the ledger.', registers: [registry] }),
    rejected: new Counter({
      name: 'proofx_issuer_issue_rejected_total',
      help: 'Issuance requests refused, by reason (validation: the attributes broke a rule).',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    revocations: new Counter({
      name: 'proofx_issuer_revocations_total',
      help: 'Revocation requests, by outcome (revoked, already_revoked, failed).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    unauthorized: new Counter({ name: 'proofx_issuer_unauthorized_total', help: 'Requests refused for a missing or unknown API key.', registers: [registry] }),
  }
}
