import { openDB, type IDBPDatabase } from 'idb'
import { hashCredential } from '../credentials/hash-credential.js'
import { hashIssuerKey } from '../credentials/hash-issuer-key.js'
import { deserializeCredential, serializeCredential } from '../credentials/serialize-credential.js'
import { CredentialNotFoundError, CredentialStoreUnavailableError, CredentialUnreadableError } from '../errors/holder.js'
import { readCredentialLink } from './credential-link.js'
import { getDeviceKey } from './device-key.js'
import { parseCredentialInput } from './parse-credential-text.js'
import { CREDENTIAL_STORE_VERSION, type CredentialStoreSchema, type EncryptedCredentialRecord } from './store-schema.js'
import type { AddCredentialReturnType, CredentialSource, CredentialSummary, CredentialValidity, ListCredentialsReturnType, StoredCredential } from './types.js'
import { InvalidInputError } from '../errors/validation.js'

export type CreateCredentialStoreParameters = {
  /** IndexedDB database name. Default "proofx-credentials". */
  name?: string | undefined
  /** Seconds before expiry from which a credential is listed as `expiring`. Default 14 days. */
  expiryWarning?: number | undefined
}

export type CredentialStore = {
  /** Validates (prover's rules and messages) and stores a credential: an object, or JSON text. The same credential twice is stored once. */
  add(input: unknown, options?: { source?: CredentialSource | undefined; label?: string | undefined }): Promise<AddCredentialReturnType>
  /** Imports a credential file (what `proofx issuer issue` writes). */
  importFile(file: Blob): Promise<AddCredentialReturnType>
  /** Imports the credential a link carries in its fragment (`location.href`); undefined when the link carries none. */
  importLink(url: string): Promise<AddCredentialReturnType | undefined>
  /** Every stored credential, decrypted in memory, with its validity at `now` (unix seconds; default the clock). */
  list(options?: { now?: number | bigint | undefined }): Promise<ListCredentialsReturnType>
  get(id: string): Promise<StoredCredential>
  delete(id: string): Promise<void>
  close(): void
}

type Payload = { credential: string; source: CredentialSource; label?: string | undefined; credentialHash: string }

const encoder = new TextEncoder()

/**
 * The holder's credential store: IndexedDB (through idb), every record AES-GCM encrypted with a non-extractable
 * WebCrypto key that never leaves this browser profile. Nothing in it is ever sent anywhere.
 * @example
 * const store = createCredentialStore()
 * await store.importLink(location.href) // a link from the issuer
 * const { credentials } = await store.list()
 * const { credential } = await store.get(credentials[0].id)
 */
export function createCredentialStore({ name = 'proofx-credentials', expiryWarning = 14 * 86_400 }: CreateCredentialStoreParameters = {}): CredentialStore {
  let opened: Promise<{ db: IDBPDatabase<CredentialStoreSchema>; key: CryptoKey }> | undefined
  const open = () =>
    (opened ??= (async () => {
      if (typeof indexedDB === 'undefined' || !globalThis.crypto?.subtle)
        throw new CredentialStoreUnavailableError({ reason: 'IndexedDB or WebCrypto (crypto.subtle) is not available here.' })
      try {
        const db = await openDB<CredentialStoreSchema>(name, CREDENTIAL_STORE_VERSION, {
          upgrade(database) {
            database.createObjectStore('credentials', { keyPath: 'id' })
            database.createObjectStore('keys')
          },
        })
        return { db, key: await getDeviceKey(db) }
      } catch (cause) {
        throw new CredentialStoreUnavailableError({ reason: (cause as Error)?.message ?? String(cause), cause })
      }
    })().catch((error) => {
      opened = undefined
      throw error
    }))

  // The record id is authenticated with the ciphertext, so a record cannot be moved under another id.
  const encrypt = async (key: CryptoKey, id: string, payload: Payload): Promise<EncryptedCredentialRecord> => {
    const iv = crypto.getRandomValues(new Uint8Array(12))
    const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(id) }, key, encoder.encode(JSON.stringify(payload)))
    return { id, addedAt: Date.now(), iv, ciphertext }
  }
  const decrypt = async (key: CryptoKey, record: EncryptedCredentialRecord): Promise<Payload> => {
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: record.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(record.id) },
        key,
        record.ciphertext,
      )
      return JSON.parse(new TextDecoder().decode(plain)) as Payload
    } catch (cause) {
      throw new CredentialUnreadableError({ id: record.id, cause })
    }
  }
  const toStored = (record: EncryptedCredentialRecord, payload: Payload): StoredCredential => ({
    id: record.id,
    credential: deserializeCredential(payload.credential),
    source: payload.source,
    ...(payload.label !== undefined ? { label: payload.label } : {}),
    addedAt: record.addedAt,
  })

  const store: CredentialStore = {
    async add(input, { source = 'paste', label } = {}) {
      const credential = parseCredentialInput(input)
      const { db, key } = await open()
      const credentialHash = hashCredential(credential.attributes).toString()
      for (const record of await db.getAll('credentials')) {
        const payload = await decrypt(key, record).catch(() => undefined)
        if (payload?.credentialHash === credentialHash) return { id: record.id, added: false }
      }
      const id = crypto.randomUUID()
      await db.put('credentials', await encrypt(key, id, { credential: serializeCredential(credential), source, label, credentialHash }))
      return { id, added: true }
    },

    async importFile(file) {
      return store.add(await file.text(), { source: 'file', label: 'name' in file && typeof file.name === 'string' ? file.name : undefined })
    },

    async importLink(url) {
      const json = readCredentialLink(url)
      return json === undefined ? undefined : store.add(json, { source: 'link' })
    },

    async list({ now = Math.floor(Date.now() / 1000) } = {}) {
      const { db, key } = await open()
      const result: ListCredentialsReturnType = { credentials: [], unreadable: [] }
      for (const record of await db.getAll('credentials')) {
        let stored: StoredCredential
        try {
          stored = toStored(record, await decrypt(key, record))
        } catch {
          result.unreadable.push({ id: record.id, addedAt: record.addedAt, validity: 'unreadable' })
          continue
        }
        result.credentials.push(summarize(stored, BigInt(now), expiryWarning))
      }
      result.credentials.sort((a, b) => b.addedAt - a.addedAt)
      return result
    },

    async get(id) {
      const { db, key } = await open()
      const record = await db.get('credentials', id)
      if (!record) throw new CredentialNotFoundError({ id })
      return toStored(record, await decrypt(key, record))
    },

    async delete(id) {
      if (typeof id !== 'string' || !id) throw new InvalidInputError({ field: 'id', rule: 'must be a stored credential id' })
      const { db } = await open()
      await db.delete('credentials', id)
    },

    close() {
      opened?.then(
        ({ db }) => db.close(),
        () => {},
      )
      opened = undefined
    },
  }
  return store
}

function summarize(stored: StoredCredential, now: bigint, expiryWarning: number): CredentialSummary {
  const a = stored.credential.attributes
  const expiresIn = Number(a.expiresAt - now)
  const validity: CredentialValidity = a.issuedAt > now ? 'not-yet-valid' : expiresIn <= 0 ? 'expired' : expiresIn <= expiryWarning ? 'expiring' : 'valid'
  return { ...stored, subject: a.subject, issuerKeyHash: hashIssuerKey(stored.credential.issuerPublicKey), validity, expiresIn }
}
