// Writes contracts/src/Groth16BatchVerifier.sol from circuits/artifacts/verification_key.json, the key
// Groth16Verifier.sol is exported with. Run after every trusted setup: `npm run generate:batch-verifier`
// (`--check` exits non-zero instead of writing when the committed file is stale).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { VerificationKey } from '../../sdk/src/artifacts/hash-verification-key.js'
import { BATCH_VERIFIER_PATH, renderBatchVerifier } from './batch-verifier/render-batch-verifier.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const vkey = JSON.parse(readFileSync(resolve(root, 'circuits/artifacts/verification_key.json'), 'utf8')) as VerificationKey
const source = renderBatchVerifier(vkey)
const out = resolve(root, BATCH_VERIFIER_PATH)

if (process.argv.includes('--check')) {
  const committed = readFileSync(out, 'utf8')
  if (committed !== source) {
    console.error(`${BATCH_VERIFIER_PATH} is stale: run \`npm run generate:batch-verifier\``)
    process.exit(1)
  }
  console.log(`${BATCH_VERIFIER_PATH} is up to date`)
} else {
  writeFileSync(out, source)
  console.log(`wrote ${BATCH_VERIFIER_PATH} (${vkey.nPublic} public signals)`)
}
