import { readFileSync } from 'node:fs'
import { read } from 'read'
import { InvalidDeployInputError } from './deploy-errors.js'

export type ReadPassphraseParameters = {
  /** A file holding the passphrase (its trailing newline dropped), e.g. a mounted secret. */
  passphraseFile?: string | undefined
  env?: NodeJS.ProcessEnv | undefined
  /** The terminal to prompt on. Default: stdin/stderr; the prompt echoes nothing. */
  input?: NodeJS.ReadableStream | undefined
  output?: NodeJS.WritableStream | undefined
  /** What the prompt says. */
  prompt?: string | undefined
}

/**
 * The keystore passphrase: --passphrase-file, else PROOFX_KEYSTORE_PASSWORD, else a prompt that echoes nothing.
 * With no terminal and neither of the first two, a typed error (CI must say where the passphrase comes from).
 */
export async function readPassphrase({
  passphraseFile,
  env = process.env,
  input = process.stdin,
  output = process.stderr,
  prompt = 'Keystore passphrase: ',
}: ReadPassphraseParameters = {}): Promise<string> {
  if (passphraseFile) {
    try {
      return readFileSync(passphraseFile, 'utf8').replace(/\r?\n$/, '')
    } catch (cause) {
      throw new InvalidDeployInputError({ field: '--passphrase-file', rule: `cannot be read (${passphraseFile})`, cause })
    }
  }
  if (env.PROOFX_KEYSTORE_PASSWORD !== undefined) return env.PROOFX_KEYSTORE_PASSWORD
  if (!(input as { isTTY?: boolean }).isTTY && input === process.stdin) {
    throw new InvalidDeployInputError({
      field: 'passphrase',
      rule: 'is needed to open the keystore, and there is no terminal to ask on',
      hint: 'Pass --passphrase-file <file> or set PROOFX_KEYSTORE_PASSWORD.',
    })
  }
  return String(await read({ prompt, silent: true, replace: '', input, output } as Parameters<typeof read>[0]))
}
