import { readFile, writeFile } from 'node:fs/promises'
import { Wallet } from '@ethereumjs/wallet'
import { bytesToHex, hexToBytes, type Hex } from 'viem'
import { ProofXError } from '@proofx/sdk'

/** Why a keystore did not open: the file, the passphrase, or the format. */
export type KeystoreFailure = 'unreadable' | 'wrong-password' | 'not-v3'

export type KeystoreErrorType = KeystoreError & { name: 'KeystoreError' }
export class KeystoreError extends ProofXError {
  override name = 'KeystoreError' as const
  readonly reason: KeystoreFailure
  constructor(shortMessage: string, { path, reason, cause }: { path: string; reason: KeystoreFailure; cause?: unknown }) {
    super(shortMessage, { details: `keystore ${path}`, cause, metaMessages: ['Check the file and the password (env PROOFX_KEYSTORE_PASSWORD).'] })
    this.reason = reason
  }
}

/**
 * Decrypts a Web3 Secret Storage v3 keystore (what geth, `cast wallet` and MetaMask write) into its private key,
 * with @ethereumjs/wallet (scrypt or pbkdf2, aes-128-ctr, MAC checked).
 */
export async function readKeystore(path: string, password: string): Promise<Hex> {
  let json: string
  try {
    json = await readFile(path, 'utf8')
  } catch (cause) {
    throw new KeystoreError('Cannot read the keystore file.', { path, reason: 'unreadable', cause })
  }
  try {
    return bytesToHex((await Wallet.fromV3(json, password, true)).getPrivateKey())
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause)
    // The library's messages say nothing secret; the cause is still left off so no key material can ride along.
    if (/passphrase|mac/i.test(message)) throw new KeystoreError('Wrong keystore password (MAC mismatch).', { path, reason: 'wrong-password' })
    throw new KeystoreError(`Not a v3 keystore (${message}).`, { path, reason: 'not-v3' })
  }
}

/**
 * Writes a private key as a v3 keystore (scrypt). `n` defaults to 2^18 like geth; tests may lower it.
 * The file is created with mode 0600.
 */
export async function writeKeystore(path: string, privateKey: Hex, password: string, { n = 262144 }: { n?: number } = {}): Promise<void> {
  const keystore = await Wallet.fromPrivateKey(hexToBytes(privateKey)).toV3String(password, { kdf: 'scrypt', n })
  await writeFile(path, keystore, { mode: 0o600, flag: 'wx' })
}
