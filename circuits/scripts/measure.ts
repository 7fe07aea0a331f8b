// Records the proving figures of the committed artifacts in circuits/artifacts/manifest.json:
// zkeyBytes and the median groth16.fullProve time on this machine. Only those fields change, never a file hash.
// Usage: node --conditions=@proofx/source --import tsx circuits/scripts/measure.ts [--runs 3]
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { complianceSampleInput } from '@proofx/sdk/demo'
import { measureProving, type SetupManifest } from '@proofx/cli'

const root = resolve(import.meta.dirname, '../..')
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } })
const manifestPath = join(root, 'circuits/artifacts/manifest.json')
const manifest: SetupManifest = JSON.parse(await readFile(manifestPath, 'utf8'))
const wasm = join(root, manifest.files.wasm.path)
const zkey = join(root, manifest.files.zkey.path)

const { provingTimeMs, machine, runs } = await measureProving({ wasm, zkey, input: complianceSampleInput(), runs: Number(values.runs) })
const updated: SetupManifest = { ...manifest, zkeyBytes: (await stat(zkey)).size, provingTimeMs, provingMachine: machine }
// Re-read right before writing so a concurrent edit of other fields is not lost.
const latest: SetupManifest = JSON.parse(await readFile(manifestPath, 'utf8'))
await writeFile(manifestPath, `${JSON.stringify({ ...latest, zkeyBytes: updated.zkeyBytes, provingTimeMs, provingMachine: machine }, null, 2)}\n`)
console.log(JSON.stringify({ zkeyBytes: updated.zkeyBytes, provingTimeMs, runs, machine }))
process.exit(0)
