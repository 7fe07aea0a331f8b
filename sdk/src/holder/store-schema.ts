import type { DBSchema } from 'idb'

/** A stored credential: only a random id, the time it was added and AES-GCM ciphertext; every attribute is inside. */
export type EncryptedCredentialRecord = {
  id: string
  addedAt: number
  iv: Uint8Array
  ciphertext: ArrayBuffer
}

export interface CredentialStoreSchema extends DBSchema {
  credentials: { key: string; value: EncryptedCredentialRecord }
  keys: { key: string; value: CryptoKey }
}

export const CREDENTIAL_STORE_VERSION = 1
