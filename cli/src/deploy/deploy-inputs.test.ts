import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, test } from 'vitest'
import { toPolicyDocumentJson } from '@proofx/sdk'
import { demoPolicyDocuments } from '@proofx/sdk/demo'
import { expectError } from '@proofx/test-helpers/expect-error'
import { InvalidDeployInputError } from './deploy-errors.js'
import { readDeployPolicy, readIssuerFile } from './deploy-inputs.js'
import { readPassphrase } from './read-passphrase.js'

const dir = mkdtempSync(join(tmpdir(), 'proofx-deploy-inputs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, content: unknown) => {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}
const accredited = toPolicyDocumentJson(demoPolicyDocuments().accredited)
const revoker = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

describe('issuer files', () => {
  test('one issuer or a list, key hashes as decimal or hex strings', () => {
    expect(readIssuerFile(file('one.json', { keyHash: '12345', revoker: revoker.toLowerCase() }))).toEqual([{ keyHash: 12345n, revoker }])
    expect(
      readIssuerFile(
        file('two.json', [
          { keyHash: '0x10', revoker },
          { keyHash: 7, revoker },
        ]),
      ),
    ).toEqual([
      { keyHash: 16n, revoker },
      { keyHash: 7n, revoker },
    ])
  })

  test.each([
    ['revoker', { keyHash: '1', revoker: '0x12' }],
    ['keyHash', { keyHash: '-1', revoker }],
    ['(root)', 'not json'],
  ])('a bad %s is a typed error naming the field and the file', (field, content) => {
    const path = file(`bad-${field}.json`, content)
    let error: unknown
    try {
      readIssuerFile(path)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InvalidDeployInputError)
    expect((error as InvalidDeployInputError).message).toContain(path)
    if (field !== '(root)') expect((error as InvalidDeployInputError).field).toBe(field)
  })
})

describe('policy documents', () => {
  test('parsed by the SDK: the hash is the SDK policy hash', async () => {
    const document = await readDeployPolicy(file('accredited.json', accredited))
    expect(document.hash.toString()).toBe(accredited.hash)
  })

  test('a document whose stated hash does not match its rules is refused, naming the field', async () => {
    const path = file('tampered.json', { ...accredited, rules: { ...accredited.rules, maxRiskScore: 90 } })
    await expect(readDeployPolicy(path)).rejects.toThrow(InvalidDeployInputError)
    await expect(readDeployPolicy(path)).rejects.toThrow(/hash/)
  })

  test('a missing or non-JSON file is refused on --policy, naming the file', async () => {
    await expect(readDeployPolicy(join(dir, 'missing.json'))).rejects.toMatchObject({ field: '--policy', message: expect.stringMatching(/missing\.json/) })
    await expect(readDeployPolicy(file('not-json.json', 'not json'))).rejects.toMatchObject({ field: '--policy', rule: expect.stringMatching(/JSON/) })
  })
})

describe('the keystore passphrase', () => {
  test('from --passphrase-file (trailing newline dropped), then PROOFX_KEYSTORE_PASSWORD', async () => {
    expect(await readPassphrase({ passphraseFile: file('pass.txt', 'secret one\n'), env: { PROOFX_KEYSTORE_PASSWORD: 'other' } })).toBe('secret one')
    expect(await readPassphrase({ env: { PROOFX_KEYSTORE_PASSWORD: 'from env' } })).toBe('from env')
  })

  test('prompted on a terminal without echoing what is typed', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true })
    const output = new PassThrough()
    let shown = ''
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()))
    const answer = readPassphrase({ env: {}, input, output })
    input.write('typed secret\n')
    expect(await answer).toBe('typed secret')
    expect(shown).toContain('Keystore passphrase:')
    expect(shown).not.toContain('typed secret')
  })

  test('no file, no env and no terminal: a typed error saying where to put it', async () => {
    const stdin = process.stdin as { isTTY?: boolean }
    const wasTTY = stdin.isTTY
    stdin.isTTY = false
    try {
      const error = await expectError(readPassphrase({ env: {} }), InvalidDeployInputError)
      expect(error.field).toBe('passphrase')
      expect(error.message).toContain('--passphrase-file')
    } finally {
      stdin.isTTY = wasTTY
    }
  })
})
