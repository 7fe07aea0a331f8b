import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { createIssuerKey, InvalidInputError, parseAddress, parseDeployment } from '@proofx/sdk'
import { resolveChainTarget, walletFor } from '../admin/chain-options.js'
import { accountSourceFromArgs, loadAccount } from '../admin/load-account.js'
import { createApiKey, listApiKeys, revokeApiKey } from '../issuer/api-keys-file.js'
import { issuanceRecordToJson, type CredentialStatus } from '../issuer/issuance-ledger.js'
import { issueCredentials } from '../issuer/issue-credential.js'
import { CredentialNotFoundError } from '../issuer/issuer-errors.js'
import { DEFAULT_SCRYPT_N, loadIssuerKey, readIssuerKeyHash, writeIssuerKeystore } from '../issuer/issuer-keystore.js'
import { resolvePassphrase } from '../issuer/passphrase.js'
import { parseIssuanceJson, readIssuanceInputs } from '../issuer/read-issuance-input.js'
import { revokeCredential } from '../issuer/revoke-issued-credential.js'
import { openSqliteLedger } from '../issuer/sqlite-ledger.js'
import { writeCredentialFiles } from '../issuer/write-credential-files.js'
import { writeCredentialLinks } from '../delivery/write-credential-links.js'

const usage = `usage: proofx issuer <command> [options]
  key create [--keystore issuer-key.json] [--passphrase-file f]     a new BabyJubJub issuer key, encrypted (scrypt + AES-256-GCM)
  key hash [--keystore issuer-key.json]                              its key hash, for addIssuer (no passphrase needed)
  issue (--subject 0x.. --attributes '<json>' | --input file.json|file.csv) [--out credentials] [--valid-days 365] [--keep-attributes] [--holder-page url]
  list [--subject 0x..] [--status issued|revoked] [--limit n]
  show <id>
  revoke <id> --deployment deployments/<chainId>.json [--rpc url] [--revoker-keystore file]
  api-key create --api-keys issuer-api-keys.json --name <who>       a key for the issuance service (printed once; the file keeps its sha256)
  api-key list --api-keys issuer-api-keys.json                      the keys' names, sha256, dates and status (never a key)
  api-key revoke --api-keys issuer-api-keys.json --name <who>       refuse that key from now on (a running serve re-reads the file)
  serve --api-keys issuer-api-keys.json [--deployment f --rpc url] [--host 127.0.0.1] [--port 8090] [--rate-limit 60/60] [--holder-page url]
common: --ledger issuer-ledger.sqlite (or PROOFX_ISSUER_LEDGER), --keystore (or PROOFX_ISSUER_KEYSTORE), --api-keys (or PROOFX_ISSUER_API_KEYS)
passphrase: --passphrase-file, PROOFX_ISSUER_PASSPHRASE, or the terminal prompt (not echoed)
revoker key: PROOFX_REVOKER_KEY, or --revoker-keystore with the password in PROOFX_KEYSTORE_PASSWORD`

/** Every option `proofx issuer` takes (docs/issuer.md is checked against it). */
export const issuerOptions = {
  keystore: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'scrypt-n': { type: 'string' },
  ledger: { type: 'string' },
  subject: { type: 'string' },
  attributes: { type: 'string' },
  input: { type: 'string' },
  out: { type: 'string', default: 'credentials' },
  'valid-days': { type: 'string' },
  'keep-attributes': { type: 'boolean', default: false },
  status: { type: 'string' },
  limit: { type: 'string' },
  deployment: { type: 'string' },
  rpc: { type: 'string' },
  'revoker-keystore': { type: 'string' },
  'api-keys': { type: 'string' },
  name: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'rate-limit': { type: 'string' },
  'trust-proxy': { type: 'string' },
  'holder-page': { type: 'string' },
  'log-level': { type: 'string' },
} as const

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2))

/** proofx issuer: a KYC provider's key, issuance ledger, credentials and revocations. */
export async function issuerCommand(argv: string[], env = process.env): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: issuerOptions, allowPositionals: true })
  const [command, sub] = positionals
  const keystore = values.keystore ?? env.PROOFX_ISSUER_KEYSTORE ?? 'issuer-key.json'
  const ledgerPath = values.ledger ?? env.PROOFX_ISSUER_LEDGER ?? 'issuer-ledger.sqlite'

  if (command === 'key' && sub === 'create') {
    const n = values['scrypt-n'] === undefined ? DEFAULT_SCRYPT_N : Number(values['scrypt-n'])
    if (!Number.isInteger(Math.log2(n)) || n < 2 ** 14) throw new InvalidInputError({ field: '--scrypt-n', rule: 'must be a power of two, at least 16384' })
    const passphrase = await resolvePassphrase({ file: values['passphrase-file'], env, confirm: true })
    const ks = await writeIssuerKeystore(keystore, createIssuerKey(), passphrase, { n })
    return print({ keystore, keyHash: ks.keyHash, publicKey: ks.publicKey })
  }
  const apiKeysPath = values['api-keys'] ?? env.PROOFX_ISSUER_API_KEYS
  if (command === 'api-key' && sub === 'create') {
    if (!apiKeysPath || !values.name) throw new Error('usage: proofx issuer api-key create --api-keys issuer-api-keys.json --name <who>')
    const created = await createApiKey(apiKeysPath, values.name)
    console.error('The key is shown once, here; the file keeps only its sha256. Give it to the back office over a secure channel.')
    return print({ ...created, apiKeys: apiKeysPath })
  }
  if (command === 'api-key' && sub === 'list') {
    if (!apiKeysPath) throw new Error('usage: proofx issuer api-key list --api-keys issuer-api-keys.json')
    return print(await listApiKeys(apiKeysPath))
  }
  if (command === 'api-key' && sub === 'revoke') {
    if (!apiKeysPath || !values.name) throw new Error('usage: proofx issuer api-key revoke --api-keys issuer-api-keys.json --name <who>')
    return print({ ...(await revokeApiKey(apiKeysPath, values.name)), apiKeys: apiKeysPath })
  }
  if (command === 'serve')
    // Loaded only here: the other sub-commands need no HTTP server.
    return (await import('./issuer-serve-command.js')).issuerServeCommand(
      { ...values, 'api-keys': apiKeysPath, keystore, ledger: ledgerPath, 'valid-days': values['valid-days'] },
      env,
    )
  if (command === 'key' && sub === 'hash') {
    console.log((await readIssuerKeyHash(keystore)).keyHash.toString())
    return
  }
  if (command === 'issue') {
    const { inputs, fieldRoot } = await issuanceInputs(values)
    const validDays = values['valid-days'] === undefined ? undefined : Number(values['valid-days'])
    if (validDays !== undefined && !(Number.isInteger(validDays) && validDays > 0))
      throw new InvalidInputError({ field: '--valid-days', rule: 'must be a positive whole number of days' })
    const holderPage = values['holder-page'] ?? env.PROOFX_HOLDER_PAGE
    if (holderPage !== undefined && !URL.canParse(holderPage)) throw new InvalidInputError({ field: '--holder-page', rule: 'must be an absolute URL' })
    const key = await loadIssuerKey(keystore, await resolvePassphrase({ file: values['passphrase-file'], env }))
    const ledger = openSqliteLedger(ledgerPath)
    let files: string[] = []
    let issued: ReturnType<typeof issueCredentials>
    try {
      issued = issueCredentials(ledger, key, inputs, {
        fieldRoot,
        keepAttributes: values['keep-attributes'],
        ...(validDays === undefined ? {} : { validFor: BigInt(validDays) * 86_400n }),
        deliver: (credentials) => (files = writeCredentialFiles(values.out, credentials)),
      })
    } finally {
      ledger.close()
    }
    // After the ledger commits: links and QR codes are other ways to hand over the files just written.
    const links = holderPage === undefined ? [] : await writeCredentialLinks(values.out, holderPage, issued)
    return print(
      issued.map(({ record }, i) => ({
        id: record.id,
        subject: record.subject,
        expiresAt: Number(record.expiresAt),
        file: files[i],
        ...(links[i] ? { linkFile: links[i].link, qrFile: links[i].qr } : {}),
      })),
    )
  }
  if (command === 'list' || command === 'show') {
    const ledger = openSqliteLedger(ledgerPath)
    try {
      if (command === 'show') {
        if (!sub) throw new Error('usage: proofx issuer show <id>')
        const record = ledger.get(sub)
        if (!record) throw new CredentialNotFoundError({ id: sub, ledger: ledgerPath })
        return print(issuanceRecordToJson(record))
      }
      const status = values.status
      if (status !== undefined && status !== 'issued' && status !== 'revoked')
        throw new InvalidInputError({ field: '--status', rule: 'must be "issued" or "revoked"' })
      const limit = values.limit === undefined ? undefined : Number(values.limit)
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new InvalidInputError({ field: '--limit', rule: 'must be a positive integer' })
      const subject = values.subject === undefined ? undefined : parseAddress(values.subject, '--subject')
      return print(ledger.list({ subject, status: status as CredentialStatus | undefined, limit }).map((record) => issuanceRecordToJson(record)))
    } finally {
      ledger.close()
    }
  }
  if (command === 'revoke') {
    if (!sub || !values.deployment)
      throw new Error('usage: proofx issuer revoke <id> --deployment deployments/<chainId>.json [--rpc url] [--revoker-keystore file]')
    const deployment = parseDeployment(JSON.parse(await readFile(values.deployment, 'utf8')), values.deployment)
    const target = await resolveChainTarget({ rpc: values.rpc, deployment: values.deployment }, env)
    const account = await loadAccount(accountSourceFromArgs({ keystore: values['revoker-keystore'], envVar: 'PROOFX_REVOKER_KEY', env }), env)
    const ledger = openSqliteLedger(ledgerPath)
    try {
      const result = await revokeCredential(ledger, { id: sub, deployment, client: walletFor(target, account) })
      return print({
        id: sub,
        chainId: result.chainId,
        contract: result.contract,
        nullifier: result.nullifier.toString(),
        transactionHash: result.transactionHash,
        alreadyRevoked: result.alreadyRevoked,
        status: result.record.status,
      })
    } finally {
      ledger.close()
    }
  }
  throw new Error(usage)
}

/** --input file (JSON or CSV), or --subject with --attributes JSON text. */
async function issuanceInputs(values: { input?: string | undefined; subject?: string | undefined; attributes?: string | undefined }) {
  if (values.input !== undefined) {
    if (values.subject !== undefined || values.attributes !== undefined)
      throw new InvalidInputError({ field: '--input', rule: 'goes alone: the subject and attributes come from the file' })
    return readIssuanceInputs(values.input)
  }
  if (values.subject === undefined || values.attributes === undefined)
    throw new InvalidInputError({ field: '--subject', rule: 'and --attributes are required (or --input file.json|file.csv)' })
  const { inputs } = parseIssuanceJson(values.attributes)
  if (inputs.length !== 1 || inputs[0] === null || typeof inputs[0] !== 'object')
    throw new InvalidInputError({ field: 'attributes', rule: 'must be one JSON object (use --input for many)' })
  return { inputs: [{ ...(inputs[0] as object), subject: values.subject }], fieldRoot: () => 'attributes' }
}
