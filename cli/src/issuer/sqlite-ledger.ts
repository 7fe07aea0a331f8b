import Database from 'better-sqlite3'
import type { Address, Hash } from 'viem'
import { parseCredentialAttributes } from '@proofx/sdk'
import { CredentialNotFoundError, IssuanceLedgerError } from './issuer-errors.js'
import type { IssuanceLedger, IssuanceRecord, ListFilter, NewIssuanceRecord, Revocation } from './issuance-ledger.js'

/** Schema versions, applied in order; PRAGMA user_version says how many ran. Append, never edit. */
const MIGRATIONS = [
  `CREATE TABLE credentials (
     id TEXT PRIMARY KEY,
     credential_hash TEXT NOT NULL UNIQUE,
     issuer_key_hash TEXT NOT NULL,
     subject TEXT NOT NULL,
     issued_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'revoked')),
     recorded_at INTEGER NOT NULL,
     attributes TEXT
   );
   CREATE INDEX credentials_subject ON credentials (subject);
   CREATE TABLE revocations (
     credential_id TEXT NOT NULL REFERENCES credentials (id),
     chain_id INTEGER NOT NULL,
     contract TEXT NOT NULL,
     nullifier TEXT NOT NULL,
     transaction_hash TEXT,
     revoked_at INTEGER NOT NULL,
     PRIMARY KEY (credential_id, chain_id, contract)
   );`,
]

type CredentialRow = {
  id: string
  credential_hash: string
  issuer_key_hash: string
  subject: string
  issued_at: number
  expires_at: number
  status: 'issued' | 'revoked'
  recorded_at: number
  attributes: string | null
}
type RevocationRow = { chain_id: number; contract: string; nullifier: string; transaction_hash: string | null; revoked_at: number }

/**
 * The embedded issuance ledger: one SQLite file (better-sqlite3), WAL mode so `proofx issuer list` can read while a
 * service writes. Creates the file and its tables on first use.
 * @example
 * const ledger = openSqliteLedger('issuer-ledger.sqlite')
 */
export function openSqliteLedger(path: string): IssuanceLedger {
  let db: Database.Database
  try {
    db = new Database(path)
    db.pragma('journal_mode = WAL')
    db.pragma('busy_timeout = 5000')
    db.pragma('foreign_keys = ON')
    migrate(db, path)
  } catch (cause) {
    if (cause instanceof IssuanceLedgerError) throw cause
    throw new IssuanceLedgerError(`Cannot open the issuance ledger: ${(cause as Error).message}`, { path, cause })
  }

  const insert = db.prepare(
    'INSERT INTO credentials (id, credential_hash, issuer_key_hash, subject, issued_at, expires_at, recorded_at, attributes) VALUES (@id, @credentialHash, @issuerKeyHash, @subject, @issuedAt, @expiresAt, @recordedAt, @attributes)',
  )
  const selectOne = db.prepare<[string], CredentialRow>('SELECT * FROM credentials WHERE id = ?')
  const selectRevocations = db.prepare<[string], RevocationRow>('SELECT * FROM revocations WHERE credential_id = ? ORDER BY revoked_at, rowid')
  const upsertRevocation = db.prepare(
    `INSERT INTO revocations (credential_id, chain_id, contract, nullifier, transaction_hash, revoked_at) VALUES (@id, @chainId, @contract, @nullifier, @transactionHash, @revokedAt)
     ON CONFLICT (credential_id, chain_id, contract) DO UPDATE SET transaction_hash = coalesce(revocations.transaction_hash, excluded.transaction_hash)`,
  )
  const markRevoked = db.prepare("UPDATE credentials SET status = 'revoked' WHERE id = ?")

  const toRecord = (row: CredentialRow): IssuanceRecord => ({
    id: row.id,
    credentialHash: BigInt(row.credential_hash),
    issuerKeyHash: BigInt(row.issuer_key_hash),
    subject: row.subject as Address,
    issuedAt: BigInt(row.issued_at),
    expiresAt: BigInt(row.expires_at),
    status: row.status,
    recordedAt: row.recorded_at,
    ...(row.attributes === null ? {} : { attributes: parseCredentialAttributes(JSON.parse(row.attributes), `ledger.${row.id}.attributes`) }),
    revocations: selectRevocations.all(row.id).map((r) => ({
      chainId: r.chain_id,
      contract: r.contract as Address,
      nullifier: BigInt(r.nullifier),
      transactionHash: r.transaction_hash as Hash | null,
      revokedAt: r.revoked_at,
    })),
  })

  const record = db.transaction((records: readonly NewIssuanceRecord[], deliver?: () => void) => {
    for (const r of records) {
      insert.run({
        id: r.id,
        credentialHash: r.credentialHash.toString(),
        issuerKeyHash: r.issuerKeyHash.toString(),
        subject: r.subject,
        issuedAt: Number(r.issuedAt),
        expiresAt: Number(r.expiresAt),
        recordedAt: r.recordedAt,
        attributes: r.attributes ? JSON.stringify(r.attributes, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)) : null,
      })
    }
    deliver?.()
  })

  const revoke = db.transaction((id: string, revocation: Revocation) => {
    if (markRevoked.run(id).changes === 0) throw new CredentialNotFoundError({ id, ledger: path })
    upsertRevocation.run({
      id,
      chainId: revocation.chainId,
      contract: revocation.contract,
      nullifier: revocation.nullifier.toString(),
      transactionHash: revocation.transactionHash,
      revokedAt: revocation.revokedAt,
    })
  })

  return {
    location: path,
    record: (records, deliver) => record(records, deliver),
    get: (id) => {
      const row = selectOne.get(id)
      return row ? toRecord(row) : undefined
    },
    list: ({ subject, status, limit = -1, offset = 0 }: ListFilter = {}) => {
      const where = [subject ? 'subject = @subject COLLATE NOCASE' : '', status ? 'status = @status' : ''].filter(Boolean)
      const sql = `SELECT * FROM credentials ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY recorded_at DESC, rowid DESC LIMIT @limit OFFSET @offset`
      return db
        .prepare<Record<string, unknown>, CredentialRow>(sql)
        .all({ ...(subject ? { subject } : {}), ...(status ? { status } : {}), limit, offset })
        .map(toRecord)
    },
    recordRevocation: (id, revocation) => {
      revoke(id, revocation)
      return toRecord(selectOne.get(id)!)
    },
    close: () => db.close(),
  }
}

function migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > MIGRATIONS.length)
    throw new IssuanceLedgerError(`The ledger has schema version ${version}; this proofx knows up to ${MIGRATIONS.length}. Upgrade proofx.`, { path })
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!)
    db.pragma(`user_version = ${MIGRATIONS.length}`)
  })()
}
