import { keccak256, toHex, type Hex } from 'viem'

/** The AccessControl roles of ProofXVerifier: keccak256 of the role name, DEFAULT_ADMIN_ROLE is zero. */
export const proofXRoles = {
  DEFAULT_ADMIN_ROLE: '0x0000000000000000000000000000000000000000000000000000000000000000',
  SIGNER_ROLE: keccak256(toHex('SIGNER_ROLE')),
  PAUSER_ROLE: keccak256(toHex('PAUSER_ROLE')),
  UPGRADER_ROLE: keccak256(toHex('UPGRADER_ROLE')),
} as const satisfies Record<string, Hex>

export type ProofXRoleName = keyof typeof proofXRoles

/** The role's name for messages; the hash itself when it is not a ProofX role. */
export function roleName(role: Hex): string {
  const entry = Object.entries(proofXRoles).find(([, hash]) => hash.toLowerCase() === role.toLowerCase())
  return entry ? entry[0] : role
}
