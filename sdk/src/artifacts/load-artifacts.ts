import { ArtifactFetchError, ArtifactIntegrityError } from '../errors/artifacts.js'
import { InvalidInputError } from '../errors/validation.js'
import { openArtifactCache } from './artifact-cache.js'
import { hashVerificationKey, type VerificationKey } from './hash-verification-key.js'
import { readArtifact } from './read-artifact.js'
import type { ArtifactManifest, ArtifactSource, ArtifactSources, LoadArtifactsOptions, LoadedArtifacts, PublishedArtifactSet } from './types.js'

export type LoadArtifactsErrorType = ArtifactFetchError | ArtifactIntegrityError

/**
 * Loads the wasm, zkey and verification key into memory and checks each against the manifest's sha256, and the
 * key's hash against `options.vkeyHash` and the manifest's `vkeyHash` when given. `{ manifest }` alone loads a
 * published set: the files the manifest names, from the manifest's folder.
 * Downloads report progress and, in browsers, land in a persistent Cache API bucket.
 * @example
 * const artifacts = await loadArtifacts({ wasm: '/zk/compliance.wasm', zkey: '/zk/compliance.zkey', vkey: '/zk/verification_key.json', manifest: '/zk/manifest.json' }, { onProgress: console.log })
 */
export async function loadArtifacts(given: ArtifactSources | PublishedArtifactSet, options: LoadArtifactsOptions = {}): Promise<LoadedArtifacts> {
  const manifest = await loadManifest(given.manifest)
  const sources = 'wasm' in given ? given : nextToManifest(given.manifest, manifest!)
  const expected = expectedHashes(sources, manifest)
  const cache = options.cache === false ? undefined : await openArtifactCache(options.cache ?? 'proofx-artifacts')
  const read = (artifact: 'wasm' | 'zkey' | 'vkey', source: ArtifactSource) =>
    readArtifact({ artifact, source, sha256: expected?.[artifact], cache, onProgress: options.onProgress })
  const [wasm, zkey, vkey] = await Promise.all([
    read('wasm', sources.wasm),
    read('zkey', sources.zkey),
    isSource(sources.vkey)
      ? read('vkey', sources.vkey).then((bytes) => parseJson<VerificationKey>('vkey', sources.vkey as ArtifactSource, bytes))
      : sources.vkey,
  ])
  const vkeyHash = hashVerificationKey(vkey)
  for (const listed of [options.vkeyHash, manifest?.vkeyHash])
    if (listed && listed.toLowerCase() !== vkeyHash)
      throw new ArtifactIntegrityError({
        artifact: 'vkey',
        source: describe(sources.vkey),
        expected: listed.toLowerCase(),
        actual: vkeyHash,
        check: 'vkeyHash',
      })
  return { wasm, zkey, vkey, vkeyHash, version: manifest?.version }
}

/** The files a manifest names, by file name, in the manifest's own folder (URL or path). */
function nextToManifest(manifestSource: string | URL, manifest: ArtifactManifest): ArtifactSources {
  const at = (file: { path: string }) => {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1)
    const text = String(manifestSource)
    return /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[a-z]:[\\/]/i.test(text) ? new URL(name, text).href : text.slice(0, text.lastIndexOf('/') + 1) + name
  }
  return { wasm: at(manifest.files.wasm), zkey: at(manifest.files.zkey), vkey: at(manifest.files.vkey), manifest }
}

const describe = (source: ArtifactSources['vkey']) => (source instanceof Uint8Array ? 'the given bytes' : isSource(source) ? String(source) : 'the given key')

function expectedHashes(sources: ArtifactSources, manifest: ArtifactManifest | undefined): Partial<Record<'wasm' | 'zkey' | 'vkey', string>> | undefined {
  if (sources.integrity === false) return undefined
  if (!manifest && !sources.integrity)
    throw new InvalidInputError({ field: 'artifacts.manifest', rule: 'is required to check integrity, unless `integrity` gives the sha256 values or is false' })
  return { wasm: manifest?.files.wasm.sha256, zkey: manifest?.files.zkey.sha256, vkey: manifest?.files.vkey.sha256, ...sources.integrity }
}

async function loadManifest(source: ArtifactSources['manifest']): Promise<ArtifactManifest | undefined> {
  if (source === undefined || !isSource(source)) return source
  const manifest = parseJson<ArtifactManifest>('manifest', source, await readArtifact({ artifact: 'manifest', source }))
  if (!manifest?.files?.zkey?.sha256 || !manifest.files.wasm?.sha256 || !manifest.files.vkey?.sha256)
    throw new ArtifactFetchError({ artifact: 'manifest', source: String(source), reason: 'it has no files.{wasm,zkey,vkey}.sha256 entries' })
  return manifest
}

const isSource = (value: unknown): value is ArtifactSource => typeof value === 'string' || value instanceof URL || value instanceof Uint8Array

function parseJson<T>(artifact: 'vkey' | 'manifest', source: ArtifactSource, bytes: Uint8Array): T {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T
  } catch (cause) {
    throw new ArtifactFetchError({ artifact, source: source instanceof Uint8Array ? 'the given bytes' : String(source), reason: 'it is not valid JSON', cause })
  }
}
