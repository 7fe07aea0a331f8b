// JSON Schemas of the issuance service's HTTP API: fastify validates requests with them and @fastify/swagger turns
// them into the OpenAPI document. They check shapes only; the attribute rules (ranges, address, dates) are the
// prover's own, applied by issueCredentials, so their messages are the same as everywhere else.

/** A non-negative integer: a JSON number, or a decimal string for values past 2^53 (assets, liabilities). */
const uint = (description: string) => ({
  description,
  anyOf: [
    { type: 'string', pattern: '^[0-9]+$' },
    { type: 'integer', minimum: 0 },
  ],
})

export const errorResponse = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', description: 'The error class name, e.g. InvalidInputError, OutOfRangeError, CredentialNotFoundError.' },
    message: { type: 'string' },
    field: { type: 'string', description: 'The input field that broke a rule, e.g. attributes.kycLevel.' },
    rule: { type: 'string', description: 'The rule it broke.' },
  },
} as const

export const issueRequest = {
  type: 'object',
  description: 'The attributes to sign for one holder. The salt is chosen at random by the service.',
  required: ['subject', 'assets', 'liabilities', 'kycLevel', 'riskScore', 'jurisdiction'],
  properties: {
    subject: { type: 'string', description: "The holder's address (20-byte hex): only it can use the credential." },
    assets: uint('Total assets, in the policy unit.'),
    liabilities: uint('Total liabilities, in the policy unit.'),
    kycLevel: uint('KYC level the issuer verified (0-255).'),
    riskScore: uint('Risk score (0-255, lower is better).'),
    jurisdiction: uint('ISO 3166-1 numeric country code of residence.'),
    issuedAt: uint('Unix seconds; default now.'),
    expiresAt: uint("Unix seconds; default issuedAt + the service's validity period."),
  },
} as const

export const issueQuery = {
  type: 'object',
  properties: {
    qr: { type: 'string', enum: ['svg', 'png'], description: 'Also return a QR code of the credential link (needs the service to know the holder page).' },
  },
} as const

const revocation = {
  type: 'object',
  required: ['chainId', 'contract', 'nullifier', 'transactionHash', 'revokedAt'],
  properties: {
    chainId: { type: 'integer' },
    contract: { type: 'string' },
    nullifier: { type: 'string', description: "Poseidon(credentialHash, the deployment's scope), decimal." },
    transactionHash: { type: ['string', 'null'], description: 'Null when the contract had it revoked already.' },
    revokedAt: { type: 'integer' },
  },
} as const

export const issuanceRecord = {
  type: 'object',
  description: 'What the ledger keeps of an issued credential: hashes, subject, validity and status; no attribute value.',
  required: ['id', 'credentialHash', 'issuerKeyHash', 'subject', 'issuedAt', 'expiresAt', 'expired', 'status', 'recordedAt', 'revocations'],
  properties: {
    id: { type: 'string' },
    credentialHash: { type: 'string' },
    issuerKeyHash: { type: 'string' },
    subject: { type: 'string' },
    issuedAt: { type: 'integer' },
    expiresAt: { type: 'integer' },
    expired: { type: 'boolean' },
    status: { type: 'string', enum: ['issued', 'revoked'] },
    recordedAt: { type: 'integer' },
    attributesKept: { type: 'boolean' },
    revocations: { type: 'array', items: revocation },
  },
} as const

export const issueResponse = {
  type: 'object',
  required: ['id', 'record', 'credential'],
  properties: {
    id: { type: 'string' },
    record: issuanceRecord,
    credential: {
      type: 'object',
      additionalProperties: true,
      description: "The signed credential (serializeCredential's JSON): deliver it to the holder, then discard it.",
    },
    link: { type: 'string', description: 'The holder page with the credential in its URL fragment (never sent to a server).' },
    qrCode: {
      type: 'object',
      required: ['format', 'data'],
      properties: { format: { type: 'string', enum: ['svg', 'png'] }, data: { type: 'string', description: 'SVG text, or a data: URL of the PNG.' } },
    },
  },
} as const

export const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const

export const listQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['issued', 'revoked'] },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
} as const

export const listResponse = { type: 'object', required: ['credentials'], properties: { credentials: { type: 'array', items: issuanceRecord } } } as const

export const revokeResponse = {
  type: 'object',
  required: ['record', 'nullifier', 'chainId', 'contract', 'transactionHash', 'alreadyRevoked'],
  properties: {
    record: issuanceRecord,
    nullifier: { type: 'string' },
    chainId: { type: 'integer' },
    contract: { type: 'string' },
    transactionHash: { type: ['string', 'null'] },
    alreadyRevoked: { type: 'boolean' },
  },
} as const

export const apiKeySecurity: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { apiKeyHeader: [] }]
