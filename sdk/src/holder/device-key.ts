import type { IDBPDatabase } from 'idb'
import type { CredentialStoreSchema } from './store-schema.js'

const DEVICE_KEY = 'device'

/**
 * The store's AES-GCM key: generated once per browser profile as a non-extractable CryptoKey and kept in IndexedDB
 * (structured clone keeps it non-extractable), so page scripts can use it but never read its bytes.
 */
export async function getDeviceKey(db: IDBPDatabase<CredentialStoreSchema>): Promise<CryptoKey> {
  const existing = await db.get('keys', DEVICE_KEY)
  if (existing) return existing
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
  try {
    await db.add('keys', key, DEVICE_KEY)
    return key
  } catch {
    // Another tab stored its key first: use that one.
    return (await db.get('keys', DEVICE_KEY))!
  }
}
