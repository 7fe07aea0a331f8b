import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { abiJson } from '../../ops/subgraph/export-abi.js'

const dir = fileURLToPath(new URL('../../ops/subgraph/', import.meta.url))
const graph = (...args: string[]) => execFileSync('npx', ['graph', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 })

describe('subgraph (ops/subgraph)', () => {
  test('its ABI is the SDK ABI (re-export with node --conditions=@proofx/source --import tsx ops/subgraph/export-abi.ts)', () => {
    // toEqual ignores key order: only a real ABI change fails this.
    expect(JSON.parse(readFileSync(`${dir}abis/ProofXVerifier.json`, 'utf8'))).toEqual(JSON.parse(abiJson()))
  })

  test('graph codegen and graph build compile the mappings offline', () => {
    graph('codegen')
    const out = graph('build')
    expect(out).toMatch(/Build completed/)
    expect(existsSync(`${dir}build/ProofXVerifier/ProofXVerifier.wasm`)).toBe(true)
  }, 240_000)
})
