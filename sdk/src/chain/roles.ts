import { keccak256, toHex, zeroHash, type Hex } from 'viem'

/** The roles ProofXVerifier's AccessControl checks, other than the admin role (sdk/src/actions/admin.test.ts
 * checks this list and the hashes against the deployed contract's `*_ROLE` constants). */
const roleNames = ['SIGNER_ROLE', 'PAUSER_ROLE', 'UPGRADER_ROLE'] as const

/** The AccessControl roles of ProofXVerifier: keccak256 of the role name, DEFAULT_ADMIN_ROLE is zero. */
export const proofXRoles = {
  DEFAULT_ADMIN_ROLE: zeroHash,
  ...(Object.fromEntries(roleNames.map((name) => [name, keccak256(toHex(name))])) as Record<(typeof roleNames)[number], Hex>),
} as const satisfies Record<string, Hex>

export type ProofXRoleName = keyof typeof proofXRoles

/** The role's name for messages; the hash itself when it is not a ProofX role. */
export function roleName(role: Hex): string {
  const entry = Object.entries(proofXRoles).find(([, hash]) => hash.toLowerCase() === role.toLowerCase())
  return entry ? entry[0] : role
}
