import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { afterAll, describe, expect, test } from 'vitest'
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts'
import { KeystoreError, readKeystore, writeKeystore } from './keystore.js'
import { MissingKeyError, loadAccount } from './load-account.js'

const dir = mkdtempSync(`${tmpdir()}/proofx-keystore-`)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('v3 keystores', () => {
  test('reads a keystore written by Foundry (cast wallet new)', async () => {
    const out = execFileSync('npx', ['cast', 'wallet', 'new', dir, '--unsafe-password', 'cast pw'], { encoding: 'utf8' })
    const address = out.match(/Address:\s+(0x[0-9a-fA-F]{40})/)![1]
    const file = `${dir}/${readdirSync(dir).find((name) => !name.endsWith('.json'))}`
    expect(privateKeyToAddress(await readKeystore(file, 'cast pw'))).toBe(address)
    await expect(readKeystore(file, 'wrong')).rejects.toBeInstanceOf(KeystoreError)
    await expect(readKeystore(file, 'wrong')).rejects.toMatchObject({ reason: 'wrong-password' })
  })

  test('a file that is not a v3 keystore, or is missing, says which', async () => {
    const file = `${dir}/not-a-keystore.json`
    writeFileSync(file, JSON.stringify({ version: 1 }))
    await expect(readKeystore(file, 'pw')).rejects.toMatchObject({ name: 'KeystoreError', reason: 'not-v3' })
    await expect(readKeystore(`${dir}/missing.json`, 'pw')).rejects.toMatchObject({ name: 'KeystoreError', reason: 'unreadable' })
  })

  test('writes one that reads back (mode 0600, never overwrites)', async () => {
    const key = generatePrivateKey()
    const file = `${dir}/mine.json`
    await writeKeystore(file, key, 'pw', { n: 1024 })
    expect(await readKeystore(file, 'pw')).toBe(key)
    await expect(writeKeystore(file, key, 'pw', { n: 1024 })).rejects.toThrow(/EEXIST/)
    const account = await loadAccount({ kind: 'keystore', path: file, password: 'pw' })
    expect(account.address).toBe(privateKeyToAddress(key))
  })

  test('a missing env key is a typed error naming the variable', async () => {
    await expect(loadAccount({ kind: 'env', envVar: 'PROOFX_ADMIN_KEY' }, {})).rejects.toBeInstanceOf(MissingKeyError)
    await expect(loadAccount({ kind: 'env', envVar: 'PROOFX_ADMIN_KEY' }, { PROOFX_ADMIN_KEY: '0x12' })).rejects.toThrow(
      /PROOFX_ADMIN_KEY is not a 32-byte hex private key/,
    )
  })
})
