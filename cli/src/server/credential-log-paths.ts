/**
 * Where a request body, a credential, its attributes or an API key can sit in a pino log object. The prover and the
 * issuance service both redact these, each adding the paths only it has.
 */
export const CREDENTIAL_LOG_PATHS = [
  'req.body',
  'body',
  'credential',
  '*.credential',
  'attributes',
  '*.attributes',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
] as const
