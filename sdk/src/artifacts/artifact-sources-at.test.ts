import { expect, test } from 'vitest'
import { artifactSourcesAt } from './artifact-sources-at.js'
import { defaultArtifacts } from './default-artifacts.js'

test('artifactSourcesAt locates each of the four files', () => {
  expect(artifactSourcesAt((file) => `/zk/${file}`)).toEqual({
    wasm: '/zk/compliance.wasm',
    zkey: '/zk/compliance.zkey',
    vkey: '/zk/verification_key.json',
    manifest: '/zk/manifest.json',
  })
})

// defaultArtifacts spells the names as literals for bundlers; they must stay the names every other set uses.
test('defaultArtifacts names the same files as artifactSourcesAt', () => {
  const packageArtifacts = new URL('../../artifacts/', import.meta.url)
  expect(defaultArtifacts()).toEqual(artifactSourcesAt((file) => new URL(file, packageArtifacts).href))
})
