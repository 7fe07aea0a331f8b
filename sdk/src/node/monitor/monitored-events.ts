import { keccak256, parseAbi, toHex, type Hex } from 'viem'

/**
 * The events `proofx monitor` decodes: ProofXVerifier's own (contracts/src/interfaces/IProofXVerifier.sol)
 * plus those it inherits from OpenZeppelin AccessControl and ERC1967 (UUPS), and Paused / Unpaused (OpenZeppelin
 * Pausable's events, declared by ProofXVerifier itself).
 */
export const monitoredEventsAbi = parseAbi([
  'event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)',
  'event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)',
  'event Paused(address account)',
  'event Unpaused(address account)',
  'event Upgraded(address indexed implementation)',
  'event ProofVerified(address indexed subject, address indexed signer, uint256 indexed policyId, uint256 nullifier, bool success)',
  'event VerifierUpdated(address indexed previousVerifier, address indexed newVerifier, bytes32 vkeyHash)',
  'event VerifierGenerationStarted(uint8 indexed generation, uint8 validFromGeneration)',
  'event GatesClosed(address account)',
  'event GatesOpened(address account)',
  'event PolicySet(uint256 indexed policyId, uint256 policyHash, uint32 validityPeriod, bool active)',
  'event IssuerAdded(uint256 indexed issuerKeyHash, uint32 indexed issuerId, address indexed revoker)',
  'event IssuerRemoved(uint256 indexed issuerKeyHash, uint32 indexed issuerId)',
  'event IssuerRevokerUpdated(uint256 indexed issuerKeyHash, address indexed previousRevoker, address indexed revoker)',
  'event CredentialRevoked(uint256 indexed issuerKeyHash, uint256 indexed nullifier, address indexed revokedBy)',
  'event MaxProofAgeUpdated(uint40 previousMaxProofAge, uint40 maxProofAge)',
])

const role = (name: string) => keccak256(toHex(name))

/** Role ids (keccak256 of the name; the admin role is zero, as in OpenZeppelin AccessControl). */
export const ROLES = {
  DEFAULT_ADMIN_ROLE: `0x${'00'.repeat(32)}` as Hex,
  SIGNER_ROLE: role('SIGNER_ROLE'),
  PAUSER_ROLE: role('PAUSER_ROLE'),
  UPGRADER_ROLE: role('UPGRADER_ROLE'),
} as const

export type RoleName = keyof typeof ROLES

export function roleName(id: Hex): string {
  const found = (Object.keys(ROLES) as RoleName[]).find((name) => ROLES[name] === id.toLowerCase())
  return found ?? id
}
