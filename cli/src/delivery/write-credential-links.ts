import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { credentialLink } from '@proofx/sdk'
import type { IssuedCredential } from '../issuer/issue-credential.js'
import { credentialQr } from './credential-qr.js'

/**
 * Next to each `<dir>/<id>.json`: `<id>.link.txt`, the holder page with the credential in its URL fragment (which no
 * browser sends to any server), and `<id>.qr.svg`, a QR code of that link to show or print for the holder. Mode 0600:
 * whoever holds the link holds the credential.
 */
export async function writeCredentialLinks(dir: string, holderPageUrl: string, issued: readonly IssuedCredential[]) {
  const written: { link: string; qr: string }[] = []
  for (const { id, credential } of issued) {
    const link = credentialLink(holderPageUrl, credential)
    const files = { link: join(dir, `${id}.link.txt`), qr: join(dir, `${id}.qr.svg`) }
    await writeFile(files.link, `${link}\n`, { mode: 0o600, flag: 'wx' })
    await writeFile(files.qr, await credentialQr(link, 'svg'), { mode: 0o600, flag: 'wx' })
    written.push(files)
  }
  return written
}
