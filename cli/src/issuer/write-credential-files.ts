import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { serializeCredential } from '@proofx/sdk'
import type { IssuedCredential } from './issue-credential.js'

/**
 * Writes each credential to `<dir>/<id>.json` (serializeCredential: what the holder imports), mode 0600 since it
 * holds the attribute values. All or none: on a failure the files already written are removed and the error is
 * rethrown, so, run as issueCredentials' `deliver`, the ledger records nothing either.
 */
export function writeCredentialFiles(dir: string, issued: readonly IssuedCredential[]): string[] {
  mkdirSync(dir, { recursive: true })
  const written: string[] = []
  try {
    for (const { id, credential } of issued) {
      const path = join(dir, `${id}.json`)
      writeFileSync(path, `${serializeCredential(credential)}\n`, { mode: 0o600, flag: 'wx' })
      written.push(path)
    }
  } catch (error) {
    for (const path of written) unlinkSync(path)
    throw error
  }
  return written
}
