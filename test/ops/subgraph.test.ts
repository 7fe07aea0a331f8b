import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { abiJson, eventHandlers, manifestYaml, networksJson } from '../../ops/subgraph/generate.js'

const dir = fileURLToPath(new URL('../../ops/subgraph/', import.meta.url))
const read = (file: string) => readFileSync(`${dir}${file}`, 'utf8')
const graph = (...args: string[]) =>
  execFileSync('npx', ['graph', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 })

describe('subgraph (ops/subgraph)', () => {
  // The localhost network is a fresh anvil deployed as `npm run demo` deploys it; generate.ts starts the same one.
  let local: ProofXNode
  beforeAll(async () => {
    local = await startProofXNode()
  })
  afterAll(() => local?.stop())

  test('ABI, networks.json and subgraph.yaml are what generate.ts makes (regenerate: node --conditions=@proofx/source --import tsx ops/subgraph/generate.ts)', () => {
    // toEqual ignores key order: only a real ABI change fails this.
    expect(JSON.parse(read('abis/ProofXVerifier.json'))).toEqual(JSON.parse(abiJson()))
    expect(read('networks.json')).toBe(networksJson(local.deployment))
    expect(read('subgraph.yaml')).toBe(manifestYaml(local.deployment))
  })

  test('it indexes the ProofXVerifier proxy of each deployment, never the Groth16Verifier or a zero address', () => {
    const source = parse(read('subgraph.yaml')).dataSources[0].source
    expect(source).toEqual({ abi: 'ProofXVerifier', address: local.deployment.proxy, startBlock: Number(local.deployment.deployBlock) })
    expect(source.address).not.toBe(local.deployment.groth16Verifier)
    for (const [network, { ProofXVerifier }] of Object.entries(JSON.parse(read('networks.json')) as Record<string, { ProofXVerifier: { address: string } }>))
      expect(ProofXVerifier.address, network).not.toMatch(/^0x0{40}$/)
  })

  test('every event of the ABI has a handler, and src/mapping.ts exports each one', () => {
    const mapping = read('src/mapping.ts')
    const handlers = eventHandlers()
    expect(handlers.map((h) => h.handler)).toEqual(expect.arrayContaining(['handleIssuerRevokerUpdated', 'handleMaxProofAgeUpdated', 'handleProofVerified']))
    for (const { handler } of handlers) expect(mapping, handler).toContain(`export function ${handler}(`)
  })

  test('graph codegen and graph build compile the mappings offline', () => {
    graph('codegen')
    const out = graph('build')
    expect(out).toMatch(/Build completed/)
    expect(existsSync(`${dir}build/ProofXVerifier/ProofXVerifier.wasm`)).toBe(true)
  }, 240_000)
})
