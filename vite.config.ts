import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { defaultClientConditions, defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
// By path, not `@proofx/sdk/cross-origin-isolation`: vite bundles this config before any resolve.conditions
// apply, so the package name would resolve to sdk/dist, which a test run must not need.
import { crossOriginIsolationHeaders } from './sdk/src/worker/cross-origin-isolation-headers.js'

const repoRoot = fileURLToPath(new URL('.', import.meta.url))
const artifactsDir = join(repoRoot, 'circuits/artifacts')

/**
 * Serves the committed circuit artifacts at /artifacts/ (dev and preview) and copies them into the
 * build, so the static site proves with exactly the files the contract's verification key came from.
 */
function circuitArtifacts(): Plugin {
  const serve = (req: { url?: string }, res: { setHeader(k: string, v: string): void; end(b: Buffer): void }, next: () => void) => {
    const match = req.url?.match(/^\/artifacts\/([\w.-]+)$/)
    const file = match && join(artifactsDir, match[1]!)
    if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next()
    res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream')
    res.end(readFileSync(file))
  }
  return {
    name: 'proofx-circuit-artifacts',
    configureServer(server) {
      server.middlewares.use(serve as never)
    },
    configurePreviewServer(server) {
      server.middlewares.use(serve as never)
    },
    generateBundle() {
      // Only the default (v2) prover's files: the r1cs is for re-verifying the setup, and v1/ is the previous circuit's set.
      for (const entry of readdirSync(artifactsDir, { withFileTypes: true })) {
        const name = entry.name
        if (!entry.isFile() || name.endsWith('.r1cs')) continue
        this.emitFile({ type: 'asset', fileName: `artifacts/${name}`, source: readFileSync(join(artifactsDir, name)) })
      }
    },
  }
}

/**
 * `virtual:proofx-contracts`: abi + creation bytecode of the contracts the in-browser EVM mode deploys,
 * taken from the Foundry build (out/, made by `forge build` / `npm run test:contracts`).
 */
function foundryContracts(): Plugin {
  const id = 'virtual:proofx-contracts'
  // Circuit v2's verifier (the SDK's default artifacts are v2).
  const names = ['Groth16Verifier_v2', 'ProofXVerifier', 'ERC1967Proxy']
  return {
    name: 'proofx-foundry-contracts',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loadId) {
      if (loadId !== `\0${id}`) return undefined
      const files = names.map((name) => join(repoRoot, `out/${name}.sol/${name}.json`))
      const missing = files.filter((file) => !existsSync(file))
      // Without the Foundry build the page still works against a configured chain; only this mode is off.
      if (missing.length) {
        this.warn(`${missing.join(', ')} missing: run \`npx forge build\` first, or the in-browser EVM mode is unavailable in this build.`)
        return 'export default null'
      }
      const contracts = Object.fromEntries(
        names.map((name, i) => {
          const { abi, bytecode } = JSON.parse(readFileSync(files[i]!, 'utf8'))
          return [name, { abi, bytecode: { object: bytecode.object } }]
        }),
      )
      return `export default ${JSON.stringify(contracts)}`
    },
  }
}

// The demo page (web-demo/) built against the SDK sources (the `@proofx/source` export condition), so it
// always runs the code in this tree without building the SDK first.
export default defineConfig({
  root: join(repoRoot, 'web-demo'),
  base: './',
  plugins: [react(), circuitArtifacts(), foundryContracts()],
  resolve: { conditions: ['@proofx/source', ...defaultClientConditions] },
  worker: { format: 'es' },
  // Cross-origin isolated, so the proving worker can share buffers with its curve threads (faster proofs).
  server: { fs: { allow: [repoRoot] }, headers: crossOriginIsolationHeaders },
  preview: { headers: crossOriginIsolationHeaders },
  build: { outDir: join(repoRoot, 'dist/demo'), emptyOutDir: true, target: 'es2022' },
})
