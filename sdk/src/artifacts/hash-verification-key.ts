import { encodeAbiParameters, keccak256, type Hex } from 'viem'

export type VerificationKey = {
  protocol: string
  curve: string
  nPublic: number
  vk_alpha_1: string[]
  vk_beta_2: string[][]
  vk_gamma_2: string[][]
  vk_delta_2: string[][]
  IC: string[][]
}

/**
 * keccak256(abi.encode(uint256[])) over every point of a Groth16 verification key, affine coordinates
 * in snarkjs JSON order: alpha1 (x, y), beta2, gamma2, delta2 (x0, x1, y0, y1 each), then IC[i] (x, y).
 * The verifier contract stores this value next to its Groth16 verifier; the SDK refuses artifacts
 * whose key hashes to something else.
 */
export function hashVerificationKey(vkey: VerificationKey): Hex {
  const g2 = (p: string[][]) => [p[0]![0]!, p[0]![1]!, p[1]![0]!, p[1]![1]!]
  const values = [
    vkey.vk_alpha_1[0]!,
    vkey.vk_alpha_1[1]!,
    ...g2(vkey.vk_beta_2),
    ...g2(vkey.vk_gamma_2),
    ...g2(vkey.vk_delta_2),
    ...vkey.IC.flatMap((p) => [p[0]!, p[1]!]),
  ].map(BigInt)
  return keccak256(encodeAbiParameters([{ type: 'uint256[]' }], [values]))
}
