import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'

export type FileDigest = { path: string; sha256: string; bytes: number }

/** sha256 and size of a file, the form every manifest entry takes. */
export async function hashFile(path: string, relativeTo?: string): Promise<FileDigest> {
  const [data, info] = await Promise.all([readFile(path), stat(path)])
  const shown = relativeTo ? path.replace(`${relativeTo}/`, '') : path
  return { path: shown, sha256: createHash('sha256').update(data).digest('hex'), bytes: info.size }
}

/**
 * Hex string of a snarkjs contribution hash (a 64-byte Blake2b). snarkjs returns `false` instead of throwing
 * when a step is refused (e.g. a beacon outside 2^10..2^63 iterations): turn that into an error naming the step.
 */
export function contributionHashHex(hash: Uint8Array | false | undefined, step = 'contribution'): string {
  if (!(hash instanceof Uint8Array)) throw new Error(`snarkjs refused the ${step} (see its log above)`)
  return Buffer.from(hash).toString('hex')
}
