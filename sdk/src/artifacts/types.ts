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

/** The part of circuits/artifacts/manifest.json the SDK reads. */
export type ArtifactManifest = {
  version: string
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
  onProgress?: ((progress: ArtifactProgress) => void) | undefined
  /**
   * Cache API bucket for downloaded artifacts so a second visit does not download them again
   * (browsers only). Default "proofx-artifacts"; `false` disables it.
   */
  cache?: string | false | undefined
}
