/** A Cache API bucket of artifact bytes; absent (undefined) where the Cache API is not (Node, insecure origins). */
export type ArtifactCache = {
  get(key: string): Promise<Uint8Array | undefined>
  put(key: string, bytes: Uint8Array): Promise<void>
  delete(key: string): Promise<void>
}

export async function openArtifactCache(name: string): Promise<ArtifactCache | undefined> {
  const storage = (globalThis as { caches?: CacheStorage }).caches
  if (!storage) return undefined
  let cache: Cache
  try {
    cache = await storage.open(name)
  } catch {
    return undefined // e.g. storage disabled in private mode: download instead
  }
  // The Cache API stores http(s) requests only; blob: and data: URLs are read directly each time.
  const cacheable = (key: string) => /^https?:/i.test(key)
  return {
    async get(key) {
      if (!cacheable(key)) return undefined
      const response = await cache.match(key)
      return response ? new Uint8Array(await response.arrayBuffer()) : undefined
    },
    async put(key, bytes) {
      if (!cacheable(key)) return
      // Quota errors must not fail the proof: the bytes are already in memory.
      await cache
        .put(
          key,
          new Response(bytes as Uint8Array<ArrayBuffer>, {
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength) },
          }),
        )
        .catch(() => {})
    },
    async delete(key) {
      await cache.delete(key)
    },
  }
}

/** Deletes the persistent artifact cache (e.g. from a "clear data" button). */
export async function clearArtifactCache(name = 'proofx-artifacts'): Promise<boolean> {
  const storage = (globalThis as { caches?: CacheStorage }).caches
  return storage ? storage.delete(name) : false
}
