import { readFileSync } from 'node:fs'
import { Wallet } from '@ethereumjs/wallet'
import { bytesToHex, type LocalAccount } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { InvalidDeployInputError } from './deploy-errors.js'

/**
 * Decrypts an Ethereum V3 keystore file (geth, `cast wallet`, MetaMask export) with @ethereumjs/wallet and returns
 * the account. The passphrase and the key stay in memory; neither is ever printed.
 */
export async function loadKeystoreAccount(path: string, passphrase: string): Promise<LocalAccount> {
  let json: string
  try {
    json = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new InvalidDeployInputError({ field: '--keystore', rule: `cannot be read (${path})`, cause })
  }
  let wallet: Wallet
  try {
    wallet = await Wallet.fromV3(json, passphrase, true)
  } catch (cause) {
    const wrong = /passphrase|mac/i.test(cause instanceof Error ? cause.message : '')
    throw new InvalidDeployInputError({
      field: '--keystore',
      rule: wrong ? 'does not open with this passphrase' : `is not a V3 keystore (${cause instanceof Error ? cause.message : String(cause)})`,
      source: path,
      hint: 'The passphrase comes from --passphrase-file, else PROOFX_KEYSTORE_PASSWORD, else a prompt.',
      // The library's error says nothing secret, but keep it out of the chain anyway.
    })
  }
  return privateKeyToAccount(bytesToHex(wallet.getPrivateKey()))
}
