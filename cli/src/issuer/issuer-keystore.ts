import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt, type ScryptOptions } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { bytesToHex, type Hex } from 'viem'
import { createIssuerKey, type IssuerKey, type IssuerPublicKey } from '@proofx/sdk'
import { IssuerKeystoreError } from './issuer-errors.js'

/**
 * An issuer's BabyJubJub key at rest, shaped like an Ethereum v3 keystore (kdf + kdfparams, cipher + cipherparams,
 * ciphertext) but with AES-256-GCM, whose tag authenticates both the private key and the public part (key hash and
 * public key, as additional data), so neither a wrong passphrase nor an edited key hash goes unnoticed.
 * The public part is readable without the passphrase: `proofx issuer key hash` needs no secret.
 */
export type IssuerKeystore = {
  version: 1
  kind: 'proofx-issuer-key'
  id: string
  /** Poseidon(Ax, Ay), decimal: what `addIssuer` registers. */
  keyHash: string
  publicKey: [x: string, y: string]
  crypto: {
    cipher: 'aes-256-gcm'
    ciphertext: string
    cipherparams: { iv: string }
    tag: string
    kdf: 'scrypt'
    kdfparams: { dklen: 32; salt: string; n: number; r: number; p: number }
  }
}

/** scrypt N = 2^18, r = 8, p = 1: geth's "standard" keystore cost (256 MiB, about a second). Tests may lower `n`. */
export const DEFAULT_SCRYPT_N = 2 ** 18

const deriveKey = (passphrase: string, params: IssuerKeystore['crypto']['kdfparams']) =>
  new Promise<Buffer>((resolve, reject) => {
    const options: ScryptOptions = { N: params.n, r: params.r, p: params.p, maxmem: 128 * params.n * params.r * params.p + 32 * 1024 * 1024 }
    scrypt(passphrase.normalize('NFKC'), Buffer.from(params.salt, 'hex'), params.dklen, options, (error, key) => (error ? reject(error) : resolve(key)))
  })

// The public part the GCM tag also covers: editing the key hash in the file breaks decryption.
const additionalData = (ks: Pick<IssuerKeystore, 'version' | 'kind' | 'id' | 'keyHash' | 'publicKey'>) =>
  Buffer.from(JSON.stringify([ks.version, ks.kind, ks.id, ks.keyHash, ks.publicKey]), 'utf8')

/** Encrypts an issuer key under a passphrase (scrypt + AES-256-GCM). */
export async function encryptIssuerKey(key: IssuerKey, passphrase: string, { n = DEFAULT_SCRYPT_N }: { n?: number } = {}): Promise<IssuerKeystore> {
  const kdfparams = { dklen: 32 as const, salt: randomBytes(32).toString('hex'), n, r: 8, p: 1 }
  const iv = randomBytes(12)
  const header = {
    version: 1 as const,
    kind: 'proofx-issuer-key' as const,
    id: randomUUID(),
    keyHash: key.keyHash.toString(),
    publicKey: [key.publicKey[0].toString(), key.publicKey[1].toString()] as [string, string],
  }
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, kdfparams), iv)
  cipher.setAAD(additionalData(header))
  const ciphertext = Buffer.concat([cipher.update(Buffer.from(key.privateKey.slice(2), 'hex')), cipher.final()])
  return {
    ...header,
    crypto: {
      cipher: 'aes-256-gcm',
      ciphertext: ciphertext.toString('hex'),
      cipherparams: { iv: iv.toString('hex') },
      tag: cipher.getAuthTag().toString('hex'),
      kdf: 'scrypt',
      kdfparams,
    },
  }
}

/** Decrypts a keystore; throws IssuerKeystoreError on a wrong passphrase or a file that was tampered with. */
export async function decryptIssuerKey(ks: IssuerKeystore, passphrase: string, path = '(keystore)'): Promise<IssuerKey> {
  let privateKey: Hex
  try {
    const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, ks.crypto.kdfparams), Buffer.from(ks.crypto.cipherparams.iv, 'hex'))
    decipher.setAAD(additionalData(ks))
    decipher.setAuthTag(Buffer.from(ks.crypto.tag, 'hex'))
    privateKey = bytesToHex(Buffer.concat([decipher.update(Buffer.from(ks.crypto.ciphertext, 'hex')), decipher.final()]))
  } catch (cause) {
    throw new IssuerKeystoreError('Wrong passphrase, or the keystore was altered (AES-GCM authentication failed).', { path, cause })
  }
  const key = createIssuerKey(privateKey)
  if (key.keyHash.toString() !== ks.keyHash) throw new IssuerKeystoreError('The decrypted key does not match the key hash the keystore states.', { path })
  return key
}

/** Creates the keystore file (mode 0600); refuses to overwrite an existing file, which may hold a registered key. */
export async function writeIssuerKeystore(path: string, key: IssuerKey, passphrase: string, options: { n?: number } = {}): Promise<IssuerKeystore> {
  const ks = await encryptIssuerKey(key, passphrase, options)
  try {
    await writeFile(path, `${JSON.stringify(ks, null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  } catch (cause) {
    const exists = (cause as NodeJS.ErrnoException).code === 'EEXIST'
    throw new IssuerKeystoreError(exists ? 'The keystore file already exists; refusing to overwrite a key.' : 'Cannot write the keystore file.', {
      path,
      cause,
      metaMessages: exists ? ['Pick another --keystore path, or move the old file away first.'] : [],
    })
  }
  return ks
}

/** Reads a keystore file's JSON and checks it is an issuer keystore (no passphrase needed). */
export async function readIssuerKeystoreFile(path: string): Promise<IssuerKeystore> {
  let ks: IssuerKeystore
  try {
    ks = JSON.parse(await readFile(path, 'utf8'))
  } catch (cause) {
    throw new IssuerKeystoreError('Cannot read the keystore file as JSON.', { path, cause })
  }
  if (ks?.kind !== 'proofx-issuer-key' || ks.version !== 1 || ks.crypto?.cipher !== 'aes-256-gcm' || ks.crypto?.kdf !== 'scrypt')
    throw new IssuerKeystoreError('Not a ProofX issuer keystore (need kind "proofx-issuer-key", version 1, scrypt + aes-256-gcm).', {
      path,
      metaMessages: ['Create one with `proofx issuer key create`.'],
    })
  return ks
}

/** The key hash and public key a keystore states: what to register with `addIssuer`. */
export async function readIssuerKeyHash(path: string): Promise<{ keyHash: bigint; publicKey: IssuerPublicKey }> {
  const ks = await readIssuerKeystoreFile(path)
  return { keyHash: BigInt(ks.keyHash), publicKey: [BigInt(ks.publicKey[0]), BigInt(ks.publicKey[1])] }
}

/** Reads and decrypts a keystore file. */
export async function loadIssuerKey(path: string, passphrase: string): Promise<IssuerKey> {
  return decryptIssuerKey(await readIssuerKeystoreFile(path), passphrase, path)
}
