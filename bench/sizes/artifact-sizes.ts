// Artifact sizes (raw, gzip -9, brotli) and the circuit's shape, from the committed manifest.
import { readFileSync } from 'node:fs'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))

export type ArtifactSize = { file: string; raw: number; gzip: number; brotli: number }
export type SizesResult = { constraints: number; domainSize: number; publicSignals: string[]; files: ArtifactSize[] }

export function measureArtifactSizes(): SizesResult {
  const manifest = JSON.parse(readFileSync(`${root}circuits/artifacts/manifest.json`, 'utf8'))
  const files = (['wasm', 'zkey', 'vkey', 'r1cs'] as const).map((key) => {
    const path: string = manifest.files[key].path
    const bytes = readFileSync(`${root}${path}`)
    return {
      file: path,
      raw: bytes.byteLength,
      gzip: gzipSync(bytes, { level: 9 }).byteLength,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).byteLength,
    }
  })
  return { constraints: manifest.constraints, domainSize: manifest.domainSize, publicSignals: manifest.publicSignals, files }
}
