import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  createIssuerKey,
  hashCredential,
  InvalidInputError,
  OutOfRangeError,
  parseCredential,
  parseCredentialInput,
  type ProofXError,
  serializeCredential,
  validateProofInput,
} from '@proofx/sdk'
import { DEMO_POLICIES } from '@proofx/sdk/demo'
import { SUBJECT } from '@proofx/test-helpers/sample-credential'
import { issueCredential, issueCredentials } from './issue-credential.js'
import type { IssuanceLedger } from './issuance-ledger.js'
import { IssuanceLedgerError } from './issuer-errors.js'
import { parseIssuanceCsv } from './read-issuance-input.js'
import { openSqliteLedger } from './sqlite-ledger.js'
import { writeCredentialFiles } from './write-credential-files.js'

const NOW = 1_767_225_600n // 2026-01-01
const key = createIssuerKey()
const input = { subject: SUBJECT, assets: '2000000', liabilities: '500000', kycLevel: 3, riskScore: 20, jurisdiction: 276 }
let dir: string
let ledger: IssuanceLedger

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'proofx-issuer-'))
  ledger = openSqliteLedger(join(dir, 'ledger.sqlite'))
})
afterEach(() => ledger.close())

/** The error `fn` throws. */
const thrown = (fn: () => unknown) => {
  try {
    fn()
  } catch (error) {
    return error as ProofXError & { field?: string; rule?: string }
  }
  throw new Error('did not throw')
}

describe('issueCredential', () => {
  test('signs a credential the holder and the prover accept, and records it without attribute values', () => {
    const { id, credential, record } = issueCredential(ledger, key, input, { now: NOW })
    expect(credential.attributes).toMatchObject({ subject: SUBJECT, assets: 2_000_000n, issuedAt: NOW, expiresAt: NOW + 365n * 86_400n })
    expect(parseCredentialInput(serializeCredential(credential))).toEqual(credential)
    expect(validateProofInput({ credential, policy: DEMO_POLICIES.accredited, now: NOW, subject: SUBJECT }).credential).toEqual(credential)
    expect(ledger.get(id)).toEqual({ ...record, status: 'issued', revocations: [] })
    expect(record).toMatchObject({ credentialHash: hashCredential(credential.attributes), issuerKeyHash: key.keyHash, subject: SUBJECT })
    expect(record.attributes).toBeUndefined()

    // What is on disk: the row has no attribute, not even the salt.
    ledger.close()
    const db = new Database(join(dir, 'ledger.sqlite'), { readonly: true })
    const row = db.prepare('SELECT * FROM credentials WHERE id = ?').get(id) as Record<string, unknown>
    db.close()
    expect(row.attributes).toBeNull()
    expect(Object.values(row).map(String)).not.toContain(credential.attributes.salt.toString())
    expect(Object.values(row).map(String)).not.toContain('2000000')
    ledger = openSqliteLedger(join(dir, 'ledger.sqlite'))
    expect(ledger.get(id)?.credentialHash).toBe(record.credentialHash)
  })

  test('keepAttributes stores the attributes, salt included, so the same credential can be re-delivered', () => {
    const { id, credential } = issueCredential(ledger, key, input, { now: NOW, keepAttributes: true })
    expect(ledger.get(id)?.attributes).toEqual(credential.attributes)
  })

  test('each credential gets its own salt, hence its own hash', () => {
    const [a, b] = issueCredentials(ledger, key, [input, input], { now: NOW })
    expect(a!.credential.attributes.salt).not.toBe(b!.credential.attributes.salt)
    expect(a!.record.credentialHash).not.toBe(b!.record.credentialHash)
  })

  test('issuedAt / expiresAt from the input, or validFor', () => {
    expect(issueCredential(ledger, key, { ...input, issuedAt: NOW - 10n, expiresAt: String(NOW + 100n) }, { now: NOW }).credential.attributes).toMatchObject({
      issuedAt: NOW - 10n,
      expiresAt: NOW + 100n,
    })
    expect(issueCredential(ledger, key, input, { now: NOW, validFor: 3600n }).credential.attributes.expiresAt).toBe(NOW + 3600n)
  })

  describe("bad input: the prover's schemas and messages, named for the issuer's input", () => {
    // The same value in a credential the prover parses fails with the same rule.
    const proverRule = (field: string, value: unknown) => {
      const credential = JSON.parse(serializeCredential(issueCredential(ledger, key, input, { now: NOW }).credential))
      credential.attributes[field] = value
      return thrown(() => parseCredential(credential)).rule
    }

    test.each([
      ['kycLevel', 2.5],
      ['assets', '-5'],
      ['subject', '0x1234'],
      ['riskScore', -1],
    ])('%s = %j', (field, value) => {
      const error = thrown(() => issueCredential(ledger, key, { ...input, [field]: value }, { now: NOW }))
      expect(error).toBeInstanceOf(InvalidInputError)
      expect(error).toMatchObject({ field: `attributes.${field}`, rule: proverRule(field, value) })
    })

    test('a missing attribute is required', () => {
      const { jurisdiction: _j, ...rest } = input
      expect(thrown(() => issueCredential(ledger, key, rest, { now: NOW }))).toMatchObject({
        name: 'InvalidInputError',
        field: 'attributes.jurisdiction',
        rule: 'is required',
      })
    })

    test.each([
      ['kycLevel', 256, /8 bits/],
      ['jurisdiction', 1024, /10 bits/],
      ['assets', (1n << 64n).toString(), /64 bits/],
    ])('%s out of the circuit range', (field, value, rule) => {
      const error = thrown(() => issueCredential(ledger, key, { ...input, [field]: value }, { now: NOW }))
      expect(error).toBeInstanceOf(OutOfRangeError)
      expect(error).toMatchObject({ field: `attributes.${field}`, rule: expect.stringMatching(rule) })
    })

    test('expiresAt not after issuedAt, or already past', () => {
      expect(thrown(() => issueCredential(ledger, key, { ...input, expiresAt: NOW }, { now: NOW }))).toMatchObject({
        field: 'attributes.expiresAt',
        rule: expect.stringMatching(/after issuedAt/),
      })
      expect(thrown(() => issueCredential(ledger, key, { ...input, issuedAt: NOW - 100n, expiresAt: NOW - 1n }, { now: NOW }))).toMatchObject({
        field: 'attributes.expiresAt',
        rule: expect.stringMatching(/future/),
      })
    })

    test('a salt in the input is refused: the tool draws it', () => {
      expect(thrown(() => issueCredential(ledger, key, { ...input, salt: '1' }, { now: NOW }))).toMatchObject({ field: 'attributes.salt' })
    })

    test('not an object', () => {
      expect(thrown(() => issueCredential(ledger, key, 'alice', { now: NOW }))).toMatchObject({ name: 'InvalidInputError', field: 'attributes' })
    })
  })

  test('a batch is all or nothing: one bad row records none', () => {
    const error = thrown(() => issueCredentials(ledger, key, [input, { ...input, kycLevel: 'high' }], { now: NOW }))
    expect(error).toMatchObject({ field: 'attributes.1.kycLevel' })
    expect(ledger.list()).toEqual([])
  })

  test('a failed delivery records nothing and leaves no file', () => {
    const out = join(dir, 'out')
    issueCredential(ledger, key, input, { now: NOW, deliver: (issued) => writeCredentialFiles(out, issued) })
    const before = readdirSync(out)
    // The third write collides with the first (same id, 'wx'): the files written are removed, the batch rolled back.
    expect(() =>
      issueCredentials(ledger, key, [input, input], { now: NOW, deliver: (issued) => writeCredentialFiles(out, [...issued, issued[0]!]) }),
    ).toThrowError(expect.objectContaining({ code: 'EEXIST' }))
    expect(ledger.list()).toHaveLength(1)
    expect(readdirSync(out)).toEqual(before)
  })

  test('credential files: one per id, the serialized credential, mode 0600', () => {
    const out = join(dir, 'files')
    let paths: string[] = []
    const issued = issueCredentials(ledger, key, [input, { ...input, kycLevel: 2 }], { now: NOW, deliver: (c) => (paths = writeCredentialFiles(out, c)) })
    expect(paths).toEqual(issued.map(({ id }) => join(out, `${id}.json`)))
    expect(parseCredentialInput(readFileSync(paths[1]!, 'utf8'))).toEqual(issued[1]!.credential)
    expect(existsSync(paths[0]!)).toBe(true)
  })

  test('CSV rows: errors name the file line', () => {
    const csv = `subject,assets,liabilities,kycLevel,riskScore,jurisdiction\n${SUBJECT},100,0,2,10,276\n\n${SUBJECT},100,0,two,10,276\n`
    const { inputs, fieldRoot } = parseIssuanceCsv(csv)
    expect(inputs).toHaveLength(2)
    expect(thrown(() => issueCredentials(ledger, key, inputs, { now: NOW, fieldRoot }))).toMatchObject({ name: 'InvalidInputError', field: 'line 4.kycLevel' })
    expect(issueCredentials(ledger, key, inputs.slice(0, 1), { now: NOW, fieldRoot })[0]!.credential.attributes.jurisdiction).toBe(276)
  })
})

describe('sqlite ledger', () => {
  test('list filters by subject and status, newest first; revocations are per deployment', () => {
    const other = '0x90F79bf6EB2c4f870365E785982E1f101E93b906'
    const [a, b] = issueCredentials(ledger, key, [input, { ...input, subject: other }], { now: NOW })
    expect(ledger.list({ subject: other.toLowerCase() as `0x${string}` }).map((r) => r.id)).toEqual([b!.id])
    const revocation = { chainId: 31337, contract: '0x5FbDB2315678afecb367f032d93F642f64180aa3' as const, nullifier: 5n, transactionHash: null, revokedAt: 1 }
    expect(ledger.recordRevocation(a!.id, revocation)).toMatchObject({ status: 'revoked', revocations: [revocation] })
    expect(ledger.list({ status: 'revoked' }).map((r) => r.id)).toEqual([a!.id])
    expect(ledger.list({ status: 'issued' }).map((r) => r.id)).toEqual([b!.id])
    expect(() => ledger.recordRevocation('nope', revocation)).toThrowError(expect.objectContaining({ name: 'CredentialNotFoundError' }))
  })

  test('a ledger from a newer proofx is refused, not rewritten', () => {
    const path = join(dir, 'future.sqlite')
    const db = new Database(path)
    db.pragma('user_version = 99')
    db.close()
    expect(() => openSqliteLedger(path)).toThrowError(IssuanceLedgerError)
  })
})
