import type { Hex } from 'viem'
import { VerificationKeyNotAvailableError } from '../errors/artifacts.js'
import { InvalidInputError } from '../errors/validation.js'
import type { ArtifactCatalog, ArtifactSources, ProverArtifacts, PublishedArtifactSet } from './types.js'

/** One artifact set chosen for a proof: `key` names it in the worker, `vkeyHash` is the hash it is known by. */
export type SelectedArtifactSet = {
  key: string
  sources: ArtifactSources | PublishedArtifactSet
  vkeyHash: Hex | undefined
  /** The base URL it is fetched from, when it was not listed in `sets`. */
  baseUrl?: string | undefined
}

const HASH = /^0x[0-9a-f]{64}$/i

/** A catalog of sets known by hash, as opposed to the single-set config (`{ wasm, zkey, vkey, manifest }`). */
export function isArtifactCatalog(artifacts: ProverArtifacts): artifacts is ArtifactCatalog {
  return !('wasm' in artifacts) && ('sets' in artifacts || 'baseUrl' in artifacts)
}

/** Checks a catalog once, when the prover is created: every listed hash is a hash, and there is something to pick from. */
export function parseArtifactCatalog(catalog: ArtifactCatalog): { sets: Map<string, ArtifactSources | PublishedArtifactSet>; baseUrl: string | undefined } {
  const sets = new Map<string, ArtifactSources | PublishedArtifactSet>()
  for (const [hash, sources] of Object.entries(catalog.sets ?? {})) {
    if (!HASH.test(hash))
      throw new InvalidInputError({
        field: `artifacts.sets["${hash}"]`,
        rule: "must be a verification-key hash, 0x and 64 hex digits (the manifest's vkeyHash)",
      })
    sets.set(hash.toLowerCase(), sources)
  }
  const baseUrl = catalog.baseUrl === undefined ? undefined : String(catalog.baseUrl).replace(/\/+$/, '')
  if (!sets.size && !baseUrl) throw new InvalidInputError({ field: 'artifacts', rule: 'a catalog needs `sets` with at least one set, or a `baseUrl`' })
  return { sets, baseUrl }
}

/**
 * The set whose verification key hashes to `vkeyHash` (the contract's `vkeyHash()`): listed in `sets`, else published
 * under `baseUrl`. Throws VerificationKeyNotAvailableError when neither has it, before anything is loaded or proven.
 */
export function selectArtifactSet(catalog: ReturnType<typeof parseArtifactCatalog>, vkeyHash: Hex): SelectedArtifactSet {
  const hash = vkeyHash.toLowerCase() as Hex
  const listed = catalog.sets.get(hash)
  if (listed) return { key: hash, sources: listed, vkeyHash: hash }
  if (catalog.baseUrl) return { key: hash, sources: { manifest: `${catalog.baseUrl}/${hash}/manifest.json` }, vkeyHash: hash, baseUrl: catalog.baseUrl }
  throw new VerificationKeyNotAvailableError({ expected: hash, available: [...catalog.sets.keys()] })
}

/** Refuses anything but a 32-byte hex hash for the verification-key hash a proof is made for. */
export function parseVkeyHash(value: unknown, field = 'vkeyHash'): Hex {
  if (typeof value !== 'string' || !HASH.test(value))
    throw new InvalidInputError({ field, rule: "must be a verification-key hash, 0x and 64 hex digits (the verifier's vkeyHash())" })
  return value.toLowerCase() as Hex
}
