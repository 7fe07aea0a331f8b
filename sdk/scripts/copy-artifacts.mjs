// Copies the circuit artifacts the package ships (sdk/artifacts/) from circuits/artifacts, the single
// source of truth. Run by `npm run build -w sdk`; the copies are not committed.
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { createHash } from 'node:crypto'

const from = new URL('../../circuits/artifacts/', import.meta.url)
const to = new URL('../artifacts/', import.meta.url)
const files = ['compliance.wasm', 'compliance.zkey', 'verification_key.json', 'manifest.json']

await mkdir(to, { recursive: true })
for (const file of files) await copyFile(new URL(file, from), new URL(file, to))

// Refuse to ship artifacts that do not match their manifest (e.g. a half-finished setup run).
const manifest = JSON.parse(await readFile(new URL('manifest.json', to), 'utf8'))
for (const [key, file] of [
  ['wasm', 'compliance.wasm'],
  ['zkey', 'compliance.zkey'],
  ['vkey', 'verification_key.json'],
]) {
  const actual = createHash('sha256')
    .update(await readFile(new URL(file, to)))
    .digest('hex')
  if (actual !== manifest.files[key].sha256)
    throw new Error(`sdk/artifacts/${file}: sha256 ${actual} differs from manifest.json (${manifest.files[key].sha256})`)
}
console.log(`copied ${files.length} artifacts (version ${manifest.version}) to sdk/artifacts/`)
