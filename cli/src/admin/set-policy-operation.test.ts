// `proofx admin set-policy` before any chain is read: the documents are checked and hashed by the SDK, one call each.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, test } from 'vitest'
import { hashPolicy, InvalidInputError, toPolicyDocumentJson } from '@proofx/sdk'
import { DEMO_POLICIES, demoPolicyDocuments } from '@proofx/sdk/demo'
import { ADMIN_OPERATIONS, InvalidAdminArgumentError } from './admin-operations.js'

const dir = mkdtempSync(`${tmpdir()}/proofx-set-policy-`)
const write = (name: string, json: unknown) => {
  writeFileSync(`${dir}/${name}`, JSON.stringify(json))
  return `${dir}/${name}`
}
const { accredited, retail } = demoPolicyDocuments()
const steps = (params: Record<string, string | undefined>) => ADMIN_OPERATIONS['set-policy']!.steps(params, {})

describe('admin set-policy', () => {
  test('one setPolicy call per document, with the hash of its circuit version', async () => {
    const files = [write('accredited.json', toPolicyDocumentJson(accredited)), write('retail.json', toPolicyDocumentJson(retail))]
    const planned = await steps({ policy: files.join(',') })
    expect(planned.map((s) => s.kind)).toEqual(['call', 'call'])
    expect(planned[0]!.description).toBe(`register policy 1 (accredited, circuit v2): hash ${hashPolicy(DEMO_POLICIES.accredited, 2)}, valid 2592000 s`)
    expect(planned[1]!.description).toContain(`policy 2 (retail, circuit v2): hash ${hashPolicy(DEMO_POLICIES.retail, 2)}`)
  })
  test('no --policy is refused naming it', async () => {
    await expect(steps({})).rejects.toBeInstanceOf(InvalidAdminArgumentError)
    await expect(steps({ policy: '' })).rejects.toMatchObject({ field: 'policy' })
  })
  test('a document whose stated hash is not its rules hash is refused before any call', async () => {
    const edited = write('edited.json', { ...toPolicyDocumentJson(accredited), hash: '1' })
    await expect(steps({ policy: edited })).rejects.toBeInstanceOf(InvalidInputError)
  })
})
