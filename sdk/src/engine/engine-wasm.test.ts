import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { requireTool } from '../../../scripts/provision/find-tools.mjs'
import { ENGINE_WASM_BASE64, ENGINE_WASM_SHA256 } from './wasm/proofx-engine-wasm.js'

// The committed engine module is exactly what sdk/engine-src builds (Debian clang + lld, which `npm install`
// provisions; missing, the test says how to install them): a change to the C sources without a rebuild, or a hand-edited .wasm, fails here.
const build = fileURLToPath(new URL('../../engine-src/build.sh', import.meta.url))
const committed = readFileSync(new URL('./wasm/proofx-engine.wasm', import.meta.url))
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

test('sdk/engine-src rebuilds to the committed proofx-engine.wasm', () => {
  requireTool('clang')
  requireTool('wasm-ld')
  const dir = mkdtempSync(join(tmpdir(), 'proofx-engine-'))
  try {
    execFileSync('bash', [build, join(dir, 'proofx-engine.wasm')], { stdio: 'pipe' })
    expect(sha256(readFileSync(join(dir, 'proofx-engine.wasm')))).toBe(sha256(committed))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the embedded module is the committed .wasm', () => {
  expect(sha256(Buffer.from(ENGINE_WASM_BASE64, 'base64'))).toBe(sha256(committed))
  expect(ENGINE_WASM_SHA256).toBe(sha256(committed))
})
