import type { ArtifactName } from '../errors/artifacts.js'
import { ArtifactFetchError } from '../errors/artifacts.js'
import type { ArtifactProgress } from './types.js'

/** Downloads a URL into memory, reporting bytes received. */
export async function fetchWithProgress(url: string, artifact: ArtifactName, onProgress?: (progress: ArtifactProgress) => void): Promise<Uint8Array> {
  let response: Response
  try {
    response = await fetch(url)
  } catch (cause) {
    throw new ArtifactFetchError({ artifact, source: url, reason: cause instanceof Error ? cause.message : String(cause), cause })
  }
  if (!response.ok)
    throw new ArtifactFetchError({
      artifact,
      source: url,
      reason: `HTTP ${response.status} ${response.statusText}`.trim(),
      notFound: response.status === 404 || response.status === 410,
    })
  const header = response.headers.get('content-length')
  // A compressed response's content-length counts compressed bytes: use it only as a hint.
  const total = header && !response.headers.get('content-encoding') ? Number(header) : undefined
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer())
    onProgress?.({ artifact, loaded: bytes.byteLength, total: bytes.byteLength, cached: false })
    return bytes
  }
  const chunks: Uint8Array[] = []
  let loaded = 0
  const reader = response.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      loaded += value.byteLength
      onProgress?.({ artifact, loaded, total, cached: false })
    }
  } catch (cause) {
    throw new ArtifactFetchError({ artifact, source: url, reason: 'the download was interrupted', cause })
  }
  const bytes = new Uint8Array(loaded)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
