import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createIssuerKey } from '@proofx/sdk'
import { expectError } from '@proofx/test-helpers/expect-error'
import { IssuerKeystoreError } from './issuer-errors.js'
import { loadIssuerKey, readIssuerKeyHash, writeIssuerKeystore } from './issuer-keystore.js'

// Real scrypt and AES-GCM at a lowered cost (n = 2^14) so the suite stays quick; the CLI default is 2^18.
const n = 2 ** 14
const dir = mkdtempSync(join(tmpdir(), 'proofx-issuer-keystore-'))
let files = 0
const freshPath = () => join(dir, `key-${files++}.json`)

describe('issuer keystore', () => {
  test('round-trips the key; the file holds no plaintext private key and is mode 0600', async () => {
    const key = createIssuerKey()
    const path = freshPath()
    await writeIssuerKeystore(path, key, 'correct horse', { n })
    const text = readFileSync(path, 'utf8')
    expect(text).not.toContain(key.privateKey.slice(2))
    expect(JSON.parse(text)).toMatchObject({
      version: 1,
      kind: 'proofx-issuer-key',
      keyHash: key.keyHash.toString(),
      crypto: { cipher: 'aes-256-gcm', kdf: 'scrypt', kdfparams: { n, r: 8, p: 1, dklen: 32 } },
    })
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(await loadIssuerKey(path, 'correct horse')).toEqual(key)
    // The key hash for registration needs no passphrase.
    expect((await readIssuerKeyHash(path)).keyHash).toBe(key.keyHash)
  })

  test('a wrong passphrase is a typed error, not a crypto exception', async () => {
    const path = freshPath()
    await writeIssuerKeystore(path, createIssuerKey(), 'right', { n })
    const error = await expectError(loadIssuerKey(path, 'wrong'), IssuerKeystoreError)
    expect(error.shortMessage).toMatch(/Wrong passphrase/)
  })

  test('an edited key hash fails authentication (the public part is additional data)', async () => {
    const path = freshPath()
    await writeIssuerKeystore(path, createIssuerKey(), 'pass', { n })
    const ks = JSON.parse(readFileSync(path, 'utf8'))
    ks.keyHash = createIssuerKey().keyHash.toString()
    writeFileSync(path, JSON.stringify(ks))
    await expectError(loadIssuerKey(path, 'pass'), IssuerKeystoreError)
  })

  test('never overwrites an existing keystore', async () => {
    const path = freshPath()
    const first = createIssuerKey()
    await writeIssuerKeystore(path, first, 'pass', { n })
    const error = await expectError(writeIssuerKeystore(path, createIssuerKey(), 'pass', { n }), IssuerKeystoreError)
    expect(error.shortMessage).toMatch(/already exists/)
    expect(await loadIssuerKey(path, 'pass')).toEqual(first)
  })

  test('a file that is not an issuer keystore is named as such', async () => {
    const path = freshPath()
    writeFileSync(path, JSON.stringify({ version: 3, crypto: { cipher: 'aes-128-ctr' } }))
    const error = await expectError(readIssuerKeyHash(path), IssuerKeystoreError)
    expect(error.shortMessage).toMatch(/Not a ProofX issuer keystore/)
  })
})
