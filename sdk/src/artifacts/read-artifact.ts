/// <reference types="node" />
import { ArtifactFetchError, ArtifactIntegrityError, type ArtifactName } from '../errors/artifacts.js'
import type { ArtifactCache } from './artifact-cache.js'
import { fetchWithProgress } from './fetch-with-progress.js'
import { importNodeModule, isNode } from './is-node.js'
import { sha256Hex } from './sha256-hex.js'
import type { ArtifactProgress, ArtifactSource } from './types.js'

export type ReadArtifactParameters = {
  artifact: ArtifactName
  source: ArtifactSource
  /** Expected sha256 (hex); undefined skips the check. */
  sha256?: string | undefined
  cache?: ArtifactCache | undefined
  onProgress?: ((progress: ArtifactProgress) => void) | undefined
}

/** Where a source points: a URL to fetch, or a Node file path. */
export function locateArtifact(source: string | URL): { url: string } | { path: string } {
  const text = source instanceof URL ? source.href : source
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[a-z]:[\\/]/i.test(text)) {
    if (text.startsWith('file:') && isNode()) return { path: text }
    return { url: text }
  }
  if (isNode()) return { path: text }
  return { url: new URL(text, (globalThis as { location?: { href: string } }).location?.href).href }
}

/**
 * Reads one artifact and checks its sha256. Downloads go through the persistent cache: a cached copy
 * that fails the check is dropped and downloaded again; fresh bytes that fail it are refused.
 */
export async function readArtifact({ artifact, source, sha256, cache, onProgress }: ReadArtifactParameters): Promise<Uint8Array> {
  if (source instanceof Uint8Array) {
    await checkIntegrity(artifact, 'the given bytes', source, sha256)
    return source
  }
  const location = locateArtifact(source)
  if ('path' in location) {
    const bytes = await readNodeFile(artifact, location.path)
    onProgress?.({ artifact, loaded: bytes.byteLength, total: bytes.byteLength, cached: false })
    await checkIntegrity(artifact, location.path, bytes, sha256)
    return bytes
  }
  // The expected hash is part of the key, so a new release at the same URL is never served stale.
  // (A query parameter, not a fragment: the Cache API ignores fragments when matching.)
  const key = sha256 ? `${location.url}${location.url.includes('?') ? '&' : '?'}proofx-sha256=${sha256}` : location.url
  const cached = await cache?.get(key)
  if (cached) {
    if (!sha256 || (await sha256Hex(cached)) === sha256) {
      onProgress?.({ artifact, loaded: cached.byteLength, total: cached.byteLength, cached: true })
      return cached
    }
    await cache!.delete(key)
  }
  const bytes = await fetchWithProgress(location.url, artifact, onProgress)
  await checkIntegrity(artifact, location.url, bytes, sha256)
  await cache?.put(key, bytes)
  return bytes
}

async function checkIntegrity(artifact: ArtifactName, source: string, bytes: Uint8Array, expected: string | undefined) {
  if (!expected) return
  const actual = await sha256Hex(bytes)
  if (actual !== expected.toLowerCase()) throw new ArtifactIntegrityError({ artifact, source, expected, actual })
}

async function readNodeFile(artifact: ArtifactName, path: string): Promise<Uint8Array> {
  const fs = await importNodeModule<typeof import('node:fs/promises')>('node:fs/promises')
  try {
    const buffer = await fs.readFile(path.startsWith('file:') ? new URL(path) : path)
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  } catch (cause) {
    throw new ArtifactFetchError({ artifact, source: path, reason: isMissing(cause) ? 'no such file' : String(cause), cause, notFound: isMissing(cause) })
  }
}

const isMissing = (cause: unknown) => (cause as NodeJS.ErrnoException).code === 'ENOENT'
