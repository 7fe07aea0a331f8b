import type { VerificationKey } from '../artifacts/hash-verification-key.js'
import type { FoundryArtifact } from './types.js'

/**
 * Whether a snarkjs Groth16 verifier's creation bytecode embeds this verification key: its delta and IC points are
 * circuit-specific (phase 2), and the generated contract pushes each coordinate as a 32-byte constant. Catches a
 * deployment that pairs one circuit version's verifier with another's key (its vkeyHash would then name a key the
 * verifier does not check, and the SDK would prove with the wrong artifacts).
 */
export function verifierEmbedsKey(artifact: FoundryArtifact, key: VerificationKey): boolean {
  const bytecode = artifact.bytecode.object.toLowerCase()
  const word = (value: string) => BigInt(value).toString(16).padStart(64, '0')
  const coordinates = [...key.vk_delta_2.slice(0, 2).flat(), ...key.IC.flatMap((point) => point.slice(0, 2))]
  return coordinates.every((value) => bytecode.includes(word(value)))
}
