import { readFile } from 'node:fs/promises'
import { parseDeployment, InvalidInputError } from '@proofx/sdk'
import { resolveChainTarget, walletFor } from '../admin/chain-options.js'
import { accountSourceFromArgs, loadAccount } from '../admin/load-account.js'
import { createIssuanceServer } from '../issuance-service/create-issuance-server.js'
import { watchActiveApiKeyHashes } from '../issuer/api-keys-file.js'
import { loadIssuerKey } from '../issuer/issuer-keystore.js'
import { resolvePassphrase } from '../issuer/passphrase.js'
import { openSqliteLedger } from '../issuer/sqlite-ledger.js'
import { parseApiKeyHashes, parseRateLimit, parseTrustProxy } from './serve-network-options.js'

export type IssuerServeValues = {
  keystore: string
  ledger: string
  'passphrase-file'?: string | undefined
  'api-keys'?: string | undefined
  deployment?: string | undefined
  rpc?: string | undefined
  'revoker-keystore'?: string | undefined
  host?: string | undefined
  port?: string | undefined
  'rate-limit'?: string | undefined
  'trust-proxy'?: string | undefined
  'holder-page'?: string | undefined
  'valid-days'?: string | undefined
  'keep-attributes'?: boolean | undefined
  'log-level'?: string | undefined
}

/**
 * proofx issuer serve: the issuance service (createIssuanceServer) over the issuer keystore and the ledger, until
 * SIGTERM/SIGINT, which stop accepting, finish the requests in flight and close the ledger.
 */
export async function issuerServeCommand(values: IssuerServeValues, env: NodeJS.ProcessEnv): Promise<void> {
  // The file's active keys, re-read when it changes (api-key create/revoke count without a restart), and the
  // environment's, fixed for the life of the process.
  const fromEnv = parseApiKeyHashes(env.PROOFX_ISSUER_API_KEY_SHA256, 'PROOFX_ISSUER_API_KEY_SHA256') ?? []
  const fromFile = values['api-keys'] ? watchActiveApiKeyHashes(values['api-keys']) : async () => []
  let combined: { file: readonly string[]; all: readonly string[] } | undefined
  const apiKeySha256 = async () => {
    const file = await fromFile()
    if (combined?.file !== file) combined = { file, all: [...file, ...fromEnv] }
    return combined.all
  }
  const atStart = await apiKeySha256()
  if (!atStart.length)
    throw new InvalidInputError({
      field: '--api-keys',
      rule: `is required, with a key not revoked: make one with \`proofx issuer api-key create --api-keys issuer-api-keys.json --name <who>\` (or set PROOFX_ISSUER_API_KEY_SHA256)`,
    })
  const port = Number(values.port ?? env.PORT ?? '8090')
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new InvalidInputError({ field: '--port', rule: 'must be a port number (0-65535)' })
  const validDays = values['valid-days'] === undefined ? undefined : Number(values['valid-days'])
  if (validDays !== undefined && !(Number.isInteger(validDays) && validDays > 0))
    throw new InvalidInputError({ field: '--valid-days', rule: 'must be a positive whole number of days' })
  const holderPage = values['holder-page'] ?? env.PROOFX_HOLDER_PAGE
  if (holderPage !== undefined && !URL.canParse(holderPage)) throw new InvalidInputError({ field: '--holder-page', rule: 'must be an absolute URL' })

  // Revocation needs the deployment (its scope) and the revoker's key; without them the service issues only.
  let revocation: Parameters<typeof createIssuanceServer>[0]['revocation']
  if (values.deployment) {
    const deployment = parseDeployment(JSON.parse(await readFile(values.deployment, 'utf8')), values.deployment)
    const target = await resolveChainTarget({ rpc: values.rpc, deployment: values.deployment }, env)
    const account = await loadAccount(accountSourceFromArgs({ keystore: values['revoker-keystore'], envVar: 'PROOFX_REVOKER_KEY', env }), env)
    revocation = { deployment, client: walletFor(target, account) }
  }

  const issuerKey = await loadIssuerKey(values.keystore, await resolvePassphrase({ file: values['passphrase-file'], env }))
  const ledger = openSqliteLedger(values.ledger)
  const app = await createIssuanceServer({
    ledger,
    issuerKey,
    apiKeySha256,
    holderPageUrl: holderPage,
    revocation,
    validFor: validDays === undefined ? undefined : BigInt(validDays) * 86_400n,
    keepAttributes: values['keep-attributes'] ?? false,
    rateLimit: issuanceRateLimit(values['rate-limit'] ?? env.PROOFX_RATE_LIMIT),
    trustProxy: parseTrustProxy(values['trust-proxy'] ?? env.PROOFX_TRUST_PROXY),
    logger: { level: values['log-level'] ?? env.LOG_LEVEL ?? 'info' },
  })
  let address: string
  try {
    address = await app.listen({ host: values.host ?? env.HOST ?? '127.0.0.1', port })
  } catch (error) {
    ledger.close()
    throw error
  }
  app.log.info(
    {
      address,
      openapi: `${address}/openapi.json`,
      metrics: `${address}/metrics`,
      issuerKeyHash: issuerKey.keyHash.toString(),
      apiKeys: atStart.length,
      revocation: revocation ? { chainId: revocation.deployment.chainId, contract: revocation.deployment.proxy } : null,
      holderPage: holderPage ?? null,
    },
    'proofx issuance service listening',
  )
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      app.log.info({ signal }, 'stopping: finishing requests in flight')
      app.close().finally(() => {
        ledger.close()
        app.log.info('proofx issuance service stopped')
        resolve()
      })
    }
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
  })
}

/** `--rate-limit <max>/<seconds>` per client on the /v1 routes (default 60/60). Always on: the service holds the signing key. */
function issuanceRateLimit(value: string | undefined) {
  if (value === 'off') throw new InvalidInputError({ field: '--rate-limit', rule: 'cannot be off for the issuance service; give <max>/<seconds>, e.g. 600/60' })
  return parseRateLimit(value ?? '60/60')
}
