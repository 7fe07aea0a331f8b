import { openDB } from 'idb'
import { afterEach, describe, expect, test } from 'vitest'
import { serializeCredential } from '../credentials/serialize-credential.js'
import { CredentialNotFoundError } from '../errors/holder.js'
import { InvalidInputError, InvalidSignatureError, OutOfRangeError } from '../errors/validation.js'
import { NOW, signed } from '@proofx/test-helpers/sample-credential'
import { createCredentialStore, type CredentialStore } from './create-credential-store.js'
import { credentialLink, readCredentialLink } from './credential-link.js'

// The holder's store in real Chromium: IndexedDB and WebCrypto as a page has them.

const stores: CredentialStore[] = []
const names: string[] = []
const open = (name: string, options = {}) => {
  const store = createCredentialStore({ name, ...options })
  stores.push(store)
  return store
}
const freshName = () => {
  const name = `proofx-test-${crypto.randomUUID()}`
  names.push(name)
  return name
}

afterEach(async () => {
  for (const store of stores.splice(0)) store.close()
  for (const name of names.splice(0))
    await new Promise((done) => Object.assign(indexedDB.deleteDatabase(name), { onsuccess: done, onerror: done, onblocked: done }))
})

const DISTINCT_ASSETS = 987_654_321_123n

describe('credential store (IndexedDB + AES-GCM, real Chromium)', () => {
  test('imports pasted JSON, keeps it across a reopen (a reload), and lists it with its validity', async () => {
    const name = freshName()
    const credential = signed({ assets: DISTINCT_ASSETS })
    const { id, added } = await open(name).add(serializeCredential(credential))
    expect(added).toBe(true)

    const reopened = open(name)
    const { credentials, unreadable } = await reopened.list({ now: NOW })
    expect(unreadable).toEqual([])
    expect(credentials).toHaveLength(1)
    expect(credentials[0]).toMatchObject({ id, source: 'paste', subject: credential.attributes.subject, validity: 'valid', credential })
    expect((await reopened.get(id)).credential).toEqual(credential)
  })

  test('at rest there is only ciphertext: no attribute, salt or signature value is readable in IndexedDB', async () => {
    const name = freshName()
    const credential = signed({ assets: DISTINCT_ASSETS })
    await open(name).add(credential)
    const db = await openDB(name)
    const records = await db.getAll('credentials')
    db.close()
    expect(records).toHaveLength(1)
    expect(Object.keys(records[0]).sort()).toEqual(['addedAt', 'ciphertext', 'id', 'iv'])
    const raw = new TextDecoder('latin1').decode(records[0].ciphertext) + JSON.stringify(records[0])
    for (const secret of [DISTINCT_ASSETS, credential.attributes.salt, credential.signature.S, credential.issuerPublicKey[0]])
      expect(raw).not.toContain(secret.toString())
    expect(raw.toLowerCase()).not.toContain(credential.attributes.subject.slice(2).toLowerCase())
  })

  test('the device key is a non-extractable AES-GCM CryptoKey kept in IndexedDB', async () => {
    const name = freshName()
    await open(name).add(signed())
    const db = await openDB(name)
    const key = (await db.get('keys', 'device')) as CryptoKey
    db.close()
    expect(key).toBeInstanceOf(CryptoKey)
    expect(key).toMatchObject({ extractable: false, algorithm: { name: 'AES-GCM', length: 256 }, usages: expect.arrayContaining(['encrypt', 'decrypt']) })
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow()
  })

  test('a record moved under another id, or altered, does not decrypt and is listed as unreadable', async () => {
    const name = freshName()
    const store = open(name)
    const { id } = await store.add(signed())
    store.close()
    const db = await openDB(name)
    const record = await db.get('credentials', id)
    await db.put('credentials', { ...record, id: 'moved' })
    db.close()
    const { credentials, unreadable } = await open(name).list({ now: NOW })
    expect(credentials.map((c) => c.id)).toEqual([id])
    expect(unreadable).toEqual([{ id: 'moved', addedAt: record.addedAt, validity: 'unreadable' }])
  })

  test('imports from a file and from a link fragment; the same credential twice is stored once', async () => {
    const store = open(freshName())
    const credential = signed()
    const file = new File([serializeCredential(credential)], 'alice.proofx.json', { type: 'application/json' })
    const fromFile = await store.importFile(file)
    const link = credentialLink('https://wallet.example/holder', credential)
    expect(new URL(link).search).toBe('')
    expect(readCredentialLink(link)).toEqual(JSON.parse(serializeCredential(credential)))
    expect(await store.importLink(link)).toEqual({ id: fromFile.id, added: false })
    expect(await store.importLink('https://wallet.example/holder#other=1')).toBeUndefined()
    const other = await store.importLink(credentialLink('https://wallet.example/', signed({ kycLevel: 4 })))
    expect(other?.added).toBe(true)
    const { credentials } = await store.list({ now: NOW })
    expect(credentials.map((c) => c.source).sort()).toEqual(['file', 'link'])
    expect(credentials.find((c) => c.source === 'file')?.label).toBe('alice.proofx.json')
  })

  test('expiry warnings: valid, expiring within the window, expired, not yet valid', async () => {
    const store = open(freshName(), { expiryWarning: 7 * 86_400 })
    await store.add(signed({ expiresAt: NOW + 30n * 86_400n }))
    await store.add(signed({ expiresAt: NOW + 3n * 86_400n }))
    await store.add(signed({ expiresAt: NOW }))
    await store.add(signed({ issuedAt: NOW + 60n }))
    const validity = (await store.list({ now: NOW })).credentials.map((c) => [c.validity, c.expiresIn])
    expect(validity).toEqual(
      expect.arrayContaining([
        ['valid', 30 * 86_400],
        ['expiring', 3 * 86_400],
        ['expired', 0],
        ['not-yet-valid', expect.any(Number)],
      ]),
    )
  })

  test("bad input gets the prover's typed errors and stores nothing", async () => {
    const store = open(freshName())
    const json = JSON.parse(serializeCredential(signed()))
    await expect(store.add('{ not json')).rejects.toThrowError(
      expect.objectContaining({ name: 'InvalidInputError', field: 'credential', rule: expect.stringMatching(/not valid JSON/) }),
    )
    await expect(store.add({ ...json, attributes: { ...json.attributes, subject: '0x12' } })).rejects.toThrowError(
      expect.objectContaining({ name: 'InvalidInputError', field: 'credential.attributes.subject' }),
    )
    await expect(store.add({ ...json, attributes: { ...json.attributes, kycLevel: 300 } })).rejects.toBeInstanceOf(OutOfRangeError)
    await expect(store.add({ ...json, attributes: { ...json.attributes, assets: '1' } })).rejects.toBeInstanceOf(InvalidSignatureError)
    await expect(store.importLink('https://wallet.example/#proofx-credential=%%%')).rejects.toBeInstanceOf(InvalidInputError)
    expect((await store.list()).credentials).toEqual([])
  })

  test('delete removes it; get of a deleted id is a typed error', async () => {
    const store = open(freshName())
    const { id } = await store.add(signed())
    await store.delete(id)
    expect((await store.list()).credentials).toEqual([])
    await expect(store.get(id)).rejects.toBeInstanceOf(CredentialNotFoundError)
  })
})
