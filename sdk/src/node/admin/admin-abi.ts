import { parseAbi } from 'viem'
import { monitoredEventsAbi } from '../monitor/monitored-events.js'

/**
 * The slice of ProofXVerifier (contracts/src/ProofXVerifier.sol, with pausing in OpenZeppelin Pausable's ABI,
 * + OpenZeppelin AccessControl, UUPS) that `proofx admin` calls, with every custom error so dry runs name the revert reason.
 */
export const adminAbi = [
  ...parseAbi([
    'function SIGNER_ROLE() view returns (bytes32)',
    'function PAUSER_ROLE() view returns (bytes32)',
    'function UPGRADER_ROLE() view returns (bytes32)',
    'function hasRole(bytes32 role, address account) view returns (bool)',
    'function grantRole(bytes32 role, address account)',
    'function revokeRole(bytes32 role, address account)',
    'function pause()',
    'function unpause()',
    'function paused() view returns (bool)',
    'function setVerifier(address groth16Verifier, bytes32 vkeyHash, bool voidEarlierRecords)',
    'function verifierGeneration() view returns (uint8)',
    'function validFromGeneration() view returns (uint8)',
    'function closeGates()',
    'function openGates()',
    'function gatesClosed() view returns (bool)',
    'function verifier() view returns (address)',
    'function vkeyHash() view returns (bytes32)',
    'function upgradeToAndCall(address newImplementation, bytes data) payable',
    'function version() view returns (string)',
    'function addIssuer(uint256 issuerKeyHash, address revoker)',
    'function removeIssuer(uint256 issuerKeyHash)',
    'function isTrustedIssuer(uint256 issuerKeyHash) view returns (bool)',
    'function revokeCredential(uint256 issuerKeyHash, uint256 nullifier)',
    'function isRevoked(uint256 issuerKeyHash, uint256 nullifier) view returns (bool)',
    'function isCompliant(address subject, uint256 policyId) view returns (bool)',
    'error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)',
    'error AccessControlBadConfirmation()',
    'error EnforcedPause()',
    'error ExpectedPause()',
    'error ERC1967InvalidImplementation(address implementation)',
    'error UUPSUnauthorizedCallContext()',
    'error UUPSUnsupportedProxiableUUID(bytes32 slot)',
    'error ProofXVerifierZeroAddress(string field)',
    'error ProofXVerifierVerifierHasNoCode(address verifier)',
    'error ProofXVerifierZeroVkeyHash()',
    'error ProofXVerifierGatesClosed()',
    'error ProofXVerifierGatesOpen()',
    'error ProofXVerifierGenerationsExhausted(uint8 generation)',
    'error ProofXVerifierInvalidIssuerKeyHash(uint256 issuerKeyHash)',
    'error ProofXVerifierIssuerAlreadyTrusted(uint256 issuerKeyHash)',
    'error ProofXVerifierIssuerNotTrusted(uint256 issuerKeyHash)',
    'error ProofXVerifierUnauthorizedRevoker(address sender, uint256 issuerKeyHash)',
    'error ProofXVerifierCredentialAlreadyRevoked(uint256 issuerKeyHash, uint256 nullifier)',
  ]),
  ...monitoredEventsAbi,
] as const

/** ERC-1967 implementation slot: bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1). */
export const IMPLEMENTATION_SLOT = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc'
