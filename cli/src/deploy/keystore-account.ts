import type { LocalAccount } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { KeystoreError, readKeystore } from '../admin/keystore.js'
import { InvalidDeployInputError } from './deploy-errors.js'

/**
 * Decrypts an Ethereum V3 keystore file (geth, `cast wallet`, MetaMask export) and returns the account, with the
 * deploy command's error naming `--keystore`. The passphrase and the key stay in memory; neither is ever printed.
 */
export async function loadKeystoreAccount(path: string, passphrase: string): Promise<LocalAccount> {
  try {
    return privateKeyToAccount(await readKeystore(path, passphrase))
  } catch (error) {
    if (!(error instanceof KeystoreError)) throw error
    if (error.reason === 'unreadable') throw new InvalidDeployInputError({ field: '--keystore', rule: `cannot be read (${path})`, cause: error.cause })
    throw new InvalidDeployInputError({
      field: '--keystore',
      rule: error.reason === 'wrong-password' ? 'does not open with this passphrase' : `is not a V3 keystore (${error.shortMessage})`,
      source: path,
      hint: 'The passphrase comes from --passphrase-file, else PROOFX_KEYSTORE_PASSWORD, else a prompt.',
    })
  }
}
