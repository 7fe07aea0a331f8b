import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { bytesToHex, hexToBytes, keccak256, type Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { ProofXError } from '@proofx/sdk'

export type KeystoreErrorType = KeystoreError & { name: 'KeystoreError' }
export class KeystoreError extends ProofXError {
  override name = 'KeystoreError' as const
  constructor(shortMessage: string, { path, cause }: { path: string; cause?: unknown }) {
    super(shortMessage, { details: `keystore ${path}`, cause, metaMessages: ['Check the file and the password (env PROOFX_KEYSTORE_PASSWORD).'] })
  }
}

/** Web3 Secret Storage v3 (what geth, `cast wallet` and MetaMask write). */
type KeystoreV3 = {
  version: 3
  id: string
  address: string
  crypto: {
    cipher: 'aes-128-ctr'
    ciphertext: string
    cipherparams: { iv: string }
    kdf: 'scrypt' | 'pbkdf2'
    kdfparams: { dklen: number; salt: string; n?: number; r?: number; p?: number; c?: number; prf?: string }
    mac: string
  }
}

const strip = (h: string) => h.replace(/^0x/, '')

function deriveKey(password: string, kdf: KeystoreV3['crypto']['kdf'], params: KeystoreV3['crypto']['kdfparams']): Buffer {
  const salt = Buffer.from(strip(params.salt), 'hex')
  if (kdf === 'scrypt') {
    const { n = 262144, r = 8, p = 1, dklen } = params
    return scryptSync(password.normalize('NFKC'), salt, dklen, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 })
  }
  return pbkdf2Sync(password.normalize('NFKC'), salt, params.c ?? 262144, params.dklen, 'sha256')
}

/** Decrypts a v3 keystore file into its private key. */
export async function readKeystore(path: string, password: string): Promise<Hex> {
  let ks: KeystoreV3
  try {
    ks = JSON.parse(await readFile(path, 'utf8'))
  } catch (cause) {
    throw new KeystoreError('Cannot read the keystore file.', { path, cause })
  }
  const c = ks.crypto ?? (ks as unknown as { Crypto: KeystoreV3['crypto'] }).Crypto
  if (c?.cipher !== 'aes-128-ctr' || (c.kdf !== 'scrypt' && c.kdf !== 'pbkdf2'))
    throw new KeystoreError('Unsupported keystore (need aes-128-ctr with scrypt or pbkdf2).', { path })
  const key = deriveKey(password, c.kdf, c.kdfparams)
  const ciphertext = Buffer.from(strip(c.ciphertext), 'hex')
  const mac = hexToBytes(keccak256(Buffer.concat([key.subarray(16, 32), ciphertext])))
  if (!timingSafeEqual(Buffer.from(mac), Buffer.from(strip(c.mac), 'hex'))) throw new KeystoreError('Wrong keystore password (MAC mismatch).', { path })
  const decipher = createDecipheriv('aes-128-ctr', key.subarray(0, 16), Buffer.from(strip(c.cipherparams.iv), 'hex'))
  return bytesToHex(Buffer.concat([decipher.update(ciphertext), decipher.final()]))
}

/**
 * Writes a private key as a v3 keystore (scrypt). `n` defaults to 2^18 like geth; tests may lower it.
 * The file is created with mode 0600.
 */
export async function writeKeystore(path: string, privateKey: Hex, password: string, { n = 262144 }: { n?: number } = {}): Promise<void> {
  const salt = randomBytes(32)
  const iv = randomBytes(16)
  const params = { dklen: 32, salt: salt.toString('hex'), n, r: 8, p: 1 }
  const key = deriveKey(password, 'scrypt', params)
  const cipher = createCipheriv('aes-128-ctr', key.subarray(0, 16), iv)
  const ciphertext = Buffer.concat([cipher.update(hexToBytes(privateKey)), cipher.final()])
  const mac = strip(keccak256(Buffer.concat([key.subarray(16, 32), ciphertext])))
  const ks: KeystoreV3 = {
    version: 3,
    id: randomUUID(),
    address: strip(privateKeyToAddress(privateKey)).toLowerCase(),
    crypto: { cipher: 'aes-128-ctr', ciphertext: ciphertext.toString('hex'), cipherparams: { iv: iv.toString('hex') }, kdf: 'scrypt', kdfparams: params, mac },
  }
  await writeFile(path, JSON.stringify(ks), { mode: 0o600, flag: 'wx' })
}
