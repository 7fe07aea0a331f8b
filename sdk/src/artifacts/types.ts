import type { ArtifactName } from '../errors/artifacts.js'
import type { VerificationKey } from './hash-verification-key.js'

/** A URL (browser: fetched; Node: http(s) fetched, file: read), a file path (Node), or the bytes themselves. */
export type ArtifactSource = string | URL | Uint8Array

/** Where the circuit's artifacts come from. Omit everything to use the ones shipped with the package. */
export type ArtifactSources = {
  wasm: ArtifactSource
  zkey: ArtifactSource
  vkey: ArtifactSource | VerificationKey
  /**
   * manifest.json of the same setup: its sha256 values are checked against the bytes loaded.
   * Required unless `integrity` is given or set to false.
   */
  manifest?: ArtifactSource | ArtifactManifest | undefined
  /** Expected sha256 (hex) per file, overriding the manifest; `false` turns the check off. */
  integrity?: Partial<Record<'wasm' | 'zkey' | 'vkey', string>> | false | undefined
}

/**
 * A published artifact set: its manifest.json, with the files it names (wasm, zkey, verification key) in the same
 * folder under their own file names.
 */
export type PublishedArtifactSet = { manifest: string | URL }

/**
 * Several artifact sets, each known by the hash of its verification key (`hashVerificationKey`, the value the
 * verifier contract's `vkeyHash()` returns while it verifies with that key). The prover proves with the set whose
 * hash the contract reports, so a dApp that has the sets of two circuit versions keeps working when the verifier
 * is switched from one to the other.
 */
export type ArtifactCatalog = {
  /** Artifact sets by verification-key hash (0x + 64 hex): each its files, or its manifest alone (the files next to it). */
  sets?: Readonly<Record<string, ArtifactSources | PublishedArtifactSet>> | undefined
  /**
   * Where sets are published by hash, for hashes `sets` does not list: `${baseUrl}/${vkeyHash}/manifest.json` and
   * the files that manifest names, next to it (a URL, or a directory in Node).
   */
  baseUrl?: string | URL | undefined
}

/** What a prover proves with: one artifact set (the single-set config), or a catalog of sets known by hash. */
export type ProverArtifacts = ArtifactSources | ArtifactCatalog

/** The part of circuits/artifacts/manifest.json the SDK reads. */
export type ArtifactManifest = {
  version: string
  /** hashVerificationKey of the set's verification key: the `vkeyHash()` of a verifier using it (written by the setup). */
  vkeyHash?: `0x${string}` | undefined
  files: Record<'wasm' | 'zkey' | 'vkey', { path: string; sha256: string; bytes: number }>
}

export type LoadedArtifacts = {
  wasm: Uint8Array
  zkey: Uint8Array
  vkey: VerificationKey
  /** hashVerificationKey(vkey): what the verifier contract must report. */
  vkeyHash: `0x${string}`
  version: string | undefined
}

export type ArtifactProgress = {
  artifact: ArtifactName
  /** Bytes received so far. */
  loaded: number
  /** Bytes expected, when the server (or manifest) says. */
  total: number | undefined
  /** Served from the persistent browser cache, not downloaded. */
  cached: boolean
}

export type LoadArtifactsOptions = {
  /**
   * The verification-key hash the set is known by: the loaded key must hash to it (ArtifactIntegrityError with
   * `check: 'vkeyHash'` otherwise). A manifest's own `vkeyHash` is checked the same way.
   */
  vkeyHash?: `0x${string}` | undefined
  onProgress?: ((progress: ArtifactProgress) => void) | undefined
  /**
   * Cache API bucket for downloaded artifacts so a second visit does not download them again
   * (browsers only). Default "proofx-artifacts"; `false` disables it.
   */
  cache?: string | false | undefined
}
