import type { Hex, LocalAccount } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { ProofXError } from '@proofx/sdk'
import { readKeystore } from './keystore.js'

export type MissingKeyErrorType = MissingKeyError & { name: 'MissingKeyError' }
export class MissingKeyError extends ProofXError {
  override name = 'MissingKeyError' as const
  constructor({ envVar }: { envVar: string }) {
    super(`No key: set ${envVar} or pass --keystore <file>.`, {
      metaMessages: [`${envVar}=0x<32-byte hex>, or --keystore path with the password in PROOFX_KEYSTORE_PASSWORD.`],
    })
  }
}

/**
 * Where a signing account comes from. Anything that yields a viem LocalAccount fits, so a KMS or
 * Vault signer is a `toAccount({ address, signTransaction, ... })` wrapper behind the same interface.
 */
export type AccountSource =
  | { kind: 'env'; envVar: string }
  | { kind: 'keystore'; path: string; password: string }
  | { kind: 'custom'; load: () => Promise<LocalAccount> }

export async function loadAccount(source: AccountSource, env: NodeJS.ProcessEnv = process.env): Promise<LocalAccount> {
  switch (source.kind) {
    case 'env': {
      const key = env[source.envVar]
      if (!key) throw new MissingKeyError({ envVar: source.envVar })
      if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new ProofXError(`${source.envVar} is not a 32-byte hex private key.`)
      return privateKeyToAccount(key as Hex)
    }
    case 'keystore':
      return privateKeyToAccount(await readKeystore(source.path, source.password))
    case 'custom':
      return source.load()
  }
}

/** The CLI convention: --keystore wins, else the env var. */
export function accountSourceFromArgs({
  keystore,
  envVar,
  env = process.env,
}: {
  keystore?: string | undefined
  envVar: string
  env?: NodeJS.ProcessEnv
}): AccountSource {
  if (keystore) return { kind: 'keystore', path: keystore, password: env.PROOFX_KEYSTORE_PASSWORD ?? '' }
  return { kind: 'env', envVar }
}
