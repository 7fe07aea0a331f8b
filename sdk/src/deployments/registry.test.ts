import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { DEMO_POLICY_DOCUMENTS } from '../demo/demo-policies.js'
import { DeploymentNotFoundError, InvalidDeploymentError } from '../errors/deployment.js'
import { parseDeployment } from './parse-deployment.js'
import { readDeploymentFile } from './read-deployment-file.js'
import { getDeployment, registerDeployment, unregisterDeployment } from './registry.js'

const json = {
  chainId: 31337,
  proxy: '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512',
  implementation: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  groth16Verifier: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
  vkeyHash: '0xb672990af34a689a760d80a232852e5dc64bbaa8fbaf1770d0be945db20bd138',
  deployBlock: 3,
  policies: { accredited: 1, retail: '2' },
  issuerKeyHash: '14121740088758255183556734906664218902015650355240633765913705613879761463496',
}

afterEach(() => {
  unregisterDeployment(31337)
  delete process.env.PROOFX_DEPLOYMENTS_DIR
})

describe('parseDeployment', () => {
  test("converts the deploy script's JSON: bigints, checksummed addresses", () => {
    const deployment = parseDeployment(json)
    expect(deployment.proxy).toBe('0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512')
    expect(deployment.policies).toEqual({ accredited: 1n, retail: 2n })
    expect(deployment.deployBlock).toBe(3n)
    expect(deployment.issuerKeyHash).toBe(14121740088758255183556734906664218902015650355240633765913705613879761463496n)
  })

  test.each([
    ['proxy', { ...json, proxy: '0x1234' }, 'expected a 20-byte hex address'],
    ['vkeyHash', { ...json, vkeyHash: '0xb672' }, 'expected a 32-byte hex string'],
    ['chainId', { ...json, chainId: -1 }, 'expected a non-negative integer'],
    ['policies.retail', { ...json, policies: { retail: 'two' } }, 'expected a non-negative integer'],
  ])('names the bad field: %s', (field, input, rule) => {
    expect(() => parseDeployment(input, 'deployments/31337.json')).toThrow(InvalidDeploymentError)
    try {
      parseDeployment(input, 'deployments/31337.json')
    } catch (error) {
      expect(error).toMatchObject({ field, rule: expect.stringContaining(rule) })
      expect((error as Error).message).toContain('deployments/31337.json')
    }
  })
})

describe('parseDeployment: published policy documents', () => {
  test('bundled documents are parsed (hash computed), URLs kept; files without any still parse', () => {
    const deployment = parseDeployment({
      ...json,
      policyDocuments: { accredited: DEMO_POLICY_DOCUMENTS.accredited, retail: { url: 'https://policies.example/retail.json' } },
    })
    expect(deployment.policyDocuments.accredited).toMatchObject({ id: 1n, name: 'accredited', hash: expect.any(BigInt) })
    expect(deployment.policyDocuments.retail).toEqual({ url: 'https://policies.example/retail.json' })
    expect(parseDeployment(json).policyDocuments).toEqual({})
    expect(parseDeployment(deployment)).toEqual(deployment)
  })

  test.each([
    ['policyDocuments.accredited.name', { accredited: DEMO_POLICY_DOCUMENTS.retail }, 'expected "accredited", the key it is listed under'],
    ['policyDocuments.retail.id', { retail: { ...DEMO_POLICY_DOCUMENTS.retail, id: '7' } }, 'expected 2, the id policies.retail names'],
    [
      'policyDocuments.retail.rules.minKycLevel',
      { retail: { ...DEMO_POLICY_DOCUMENTS.retail, rules: { ...DEMO_POLICY_DOCUMENTS.retail.rules, minKycLevel: 2.5 } } },
      'integer',
    ],
    ['policyDocuments.retail.url', { retail: { url: 'ftp://policies.example/retail.json' } }, 'expected an http(s) or relative URL'],
    ['policyDocuments', [], 'expected an object'],
  ])('names the bad field: %s', (field, policyDocuments, rule) => {
    expect(() => parseDeployment({ ...json, policyDocuments }, 'deployments/31337.json')).toThrowError(
      expect.objectContaining({ name: 'InvalidDeploymentError', field, rule: expect.stringContaining(rule) }),
    )
  })
})

describe('deployment registry', () => {
  test('Polygon Amoy and Sepolia have entries to fill: until then a readable DeploymentNotFoundError', () => {
    for (const chainId of [80002, 11155111]) {
      expect(() => getDeployment(chainId)).toThrow(DeploymentNotFoundError)
    }
    expect(() => getDeployment(80002)).toThrow(/Polygon Amoy \(chain 80002\)/)
    expect(() => getDeployment(1)).toThrow(/chain 1\b/)
  })

  test('local anvil comes from $PROOFX_DEPLOYMENTS_DIR/31337.json; a registered deployment overrides it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proofx-deployments-'))
    process.env.PROOFX_DEPLOYMENTS_DIR = dir
    expect(() => getDeployment(31337)).toThrow(DeploymentNotFoundError)
    writeFileSync(join(dir, '31337.json'), JSON.stringify(json))
    expect(getDeployment(31337).proxy).toBe('0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512')

    const other = registerDeployment({ ...json, proxy: '0x0000000000000000000000000000000000000001' })
    expect(getDeployment(31337)).toBe(other)
  })

  test('a file for the wrong chain or with broken JSON is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proofx-deployments-'))
    writeFileSync(join(dir, '31337.json'), JSON.stringify({ ...json, chainId: 1 }))
    expect(() => readDeploymentFile(31337, dir)).toThrow(/named for chain 31337 but holds chain 1/)
    writeFileSync(join(dir, '31337.json'), '{ nope')
    expect(() => readDeploymentFile(31337, dir)).toThrow(InvalidDeploymentError)
  })
})
