import { readFile } from 'node:fs/promises'
import { MissingPassphraseError } from './issuer-errors.js'

export const PASSPHRASE_ENV = 'PROOFX_ISSUER_PASSPHRASE'

export type PassphraseSource = {
  /** --passphrase-file: its first line (a trailing newline is not part of the passphrase). */
  file?: string | undefined
  env?: NodeJS.ProcessEnv
  /** Ask twice on a terminal (key creation). */
  confirm?: boolean
  input?: NodeJS.ReadStream
  output?: NodeJS.WritableStream
}

/** The passphrase from, in order: --passphrase-file, PROOFX_ISSUER_PASSPHRASE, a prompt on the terminal (not echoed). */
export async function resolvePassphrase({
  file,
  env = process.env,
  confirm = false,
  input = process.stdin,
  output = process.stderr,
}: PassphraseSource = {}): Promise<string> {
  if (file !== undefined) return (await readFile(file, 'utf8')).split(/\r?\n/)[0]!
  const fromEnv = env[PASSPHRASE_ENV]
  if (fromEnv) return fromEnv
  if (!input.isTTY) throw new MissingPassphraseError({ reason: `${PASSPHRASE_ENV} is not set, no --passphrase-file, and standard input is not a terminal` })
  const passphrase = await promptHidden('Issuer key passphrase: ', input, output)
  if (!passphrase) throw new MissingPassphraseError({ reason: 'the passphrase is empty' })
  if (confirm && (await promptHidden('Repeat the passphrase: ', input, output)) !== passphrase)
    throw new MissingPassphraseError({ reason: 'the two passphrases differ' })
  return passphrase
}

/** Reads one line from a terminal in raw mode, so nothing typed is echoed. */
function promptHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WritableStream): Promise<string> {
  output.write(prompt)
  input.setRawMode(true)
  input.resume()
  input.setEncoding('utf8')
  return new Promise((resolve, reject) => {
    let typed = ''
    const finish = (error?: Error) => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      output.write('\n')
      error ? reject(error) : resolve(typed)
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish()
        if (char === '\u0003') return finish(new MissingPassphraseError({ reason: 'cancelled' }))
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1)
        else typed += char
      }
    }
    input.on('data', onData)
  })
}
