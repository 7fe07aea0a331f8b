// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IGroth16VerifierV1 as IGroth16Verifier} from "./IGroth16VerifierV1.sol";
import {IProofXVerifierV1 as IProofXVerifier} from "./IProofXVerifierV1.sol";

/// @title ProofXVerifierV1 (the 1.0.0 implementation, kept verbatim as an upgrade and drill fixture)
/// @notice Checks Groth16 compliance proofs against registered policies and trusted issuers, and records which
/// subjects comply with which policy until when. Deployed behind an ERC-1967 proxy (UUPS).
/// @dev Roles: DEFAULT_ADMIN_ROLE (policies, issuers, verifier, roles; a multisig in production), SIGNER_ROLE (prover
/// services that submit on a subject's behalf), PAUSER_ROLE, UPGRADER_ROLE. Pausing has the ABI of OpenZeppelin's
/// PausableUpgradeable (`paused()`, `pause()`, `unpause()`, {Paused}, {Unpaused}, {EnforcedPause}, {ExpectedPause}) but
/// keeps its flag in the storage slot submitProof reads anyway, which saves a cold SLOAD (2,100 gas) per submission.
/// @custom:security-contact security@proofx.example
contract ProofXVerifierV1 is
    Initializable,
    AccessControlUpgradeable,
    UUPSUpgradeable,
    IProofXVerifier
{
    /// @notice Role of prover-service keys that may submit proofs on behalf of a subject.
    bytes32 public constant SIGNER_ROLE = keccak256("SIGNER_ROLE");
    /// @notice Role that may pause and unpause proof submission.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Role that may upgrade the implementation.
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");

    /// @dev Bits of the circuit's `now` and of the scope tag, the fields packed into the `context` signal above the
    /// 160-bit subject: context = subject | timestamp << 160 | scopeTag << 200 < 2^253 < r.
    uint256 internal constant TIMESTAMP_BITS = 40;
    uint256 internal constant SCOPE_TAG_MASK = (1 << 53) - 1;

    /// @dev BN254 scalar field modulus r: every public signal must be below it.
    uint256 internal constant SNARK_SCALAR_FIELD =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;

    /// @dev Gas the Groth16 verifier needs (4 signals: ~206k in precompiles, ~211k in total with the cold call; the
    /// staticcall forwards 63/64 of what is left, so ~215k), with a margin. The
    /// generated verifier answers false instead of reverting when a precompile runs out of gas, so without this floor
    /// eth_estimateGas would settle on a limit at which every valid proof is reported invalid.
    uint256 internal constant VERIFIER_GAS_FLOOR = 225_000;

    /// @notice Emitted when `account` pauses proof submission (same event as OpenZeppelin's Pausable).
    event Paused(address account);
    /// @notice Emitted when `account` resumes proof submission (same event as OpenZeppelin's Pausable).
    event Unpaused(address account);
    /// @notice The operation failed because the contract is paused (same error as OpenZeppelin's Pausable).
    error EnforcedPause();
    /// @notice The operation failed because the contract is not paused (same error as OpenZeppelin's Pausable).
    error ExpectedPause();

    /// @custom:storage-location erc7201:proofx.storage.ProofXVerifier
    struct ProofXVerifierStorage {
        // Slot 0, read by every submission (one cold SLOAD): groth16Verifier (bytes 0-19), maxProofAge (20-24),
        // lastIssuerId (25-28), paused (29).
        IGroth16Verifier groth16Verifier;
        uint40 maxProofAge;
        uint32 lastIssuerId;
        bool paused;
        // Slot 1 onwards.
        bytes32 vkeyHash;
        mapping(uint256 policyId => Policy) policies;
        mapping(uint256 issuerKeyHash => Issuer) issuers;
        mapping(uint32 issuerId => uint256 issuerKeyHash) issuerKeyHashes;
        mapping(uint256 issuerKeyHash => mapping(uint184 nullifierTag => bool)) revoked;
        mapping(address subject => mapping(uint256 policyId => ComplianceRecord)) records;
    }

    // keccak256(abi.encode(uint256(keccak256("proofx.storage.ProofXVerifier")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant PROOFX_VERIFIER_STORAGE_LOCATION =
        0xe4cbf20b60ab67d1f95350055b62560972a20ae3a277bac819fe1ec0f4e25300;

    function _getProofXVerifierStorage() private pure returns (ProofXVerifierStorage storage $) {
        assembly {
            $.slot := PROOFX_VERIFIER_STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    /// @notice Initializes the proxy: `admin` gets DEFAULT_ADMIN_ROLE, PAUSER_ROLE and UPGRADER_ROLE.
    /// @param admin The admin account (a multisig in production).
    /// @param groth16Verifier The snarkjs-generated verifier of the compliance circuit.
    /// @param vkeyHash_ Hash of the verification key `groth16Verifier` embeds (see {vkeyHash}).
    /// @param maxProofAge_ How many seconds before the current block a proof's timestamp may be.
    /// Emits {RoleGranted}, {VerifierUpdated} and {MaxProofAgeUpdated} events.
    function initialize(address admin, address groth16Verifier, bytes32 vkeyHash_, uint40 maxProofAge_)
        external
        initializer
    {
        if (admin == address(0)) revert ProofXVerifierZeroAddress("admin");
        __AccessControl_init();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        _grantRole(UPGRADER_ROLE, admin);
        _setVerifier(groth16Verifier, vkeyHash_);
        _setMaxProofAge(maxProofAge_);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Proof submission
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IProofXVerifier
    function submitProof(uint256 policyId, address subject, ProofXProof calldata proof)
        external
        returns (bool verified)
    {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        // Slot 0 is cold here and warm for the verifier address and maximum proof age below.
        if ($.paused) revert EnforcedPause();
        if (msg.sender != subject && !hasRole(SIGNER_ROLE, msg.sender)) {
            revert ProofXVerifierUnauthorizedSubmitter(msg.sender, subject);
        }

        Policy storage policy = $.policies[policyId];
        if (!policy.active) revert ProofXVerifierPolicyInactive(policyId);

        uint32 issuerId = $.issuers[proof.issuerKeyHash].id;
        if (issuerId == 0) revert ProofXVerifierIssuerNotTrusted(proof.issuerKeyHash);

        // The nullifier must be a field element before it is truncated into a revocation key.
        if (proof.nullifier >= SNARK_SCALAR_FIELD) revert ProofXVerifierSignalOutOfField(1, proof.nullifier);
        uint184 nullifierTag = _nullifierTag(proof.nullifier);
        if ($.revoked[proof.issuerKeyHash][nullifierTag]) {
            revert ProofXVerifierCredentialRevoked(proof.issuerKeyHash, proof.nullifier);
        }

        uint256 maxAge = $.maxProofAge;
        // The circuit's `now` has 40 bits: a later timestamp is in the future of every block it can speak for (and
        // would spill into the scope tag's bits of the packed context signal).
        if (proof.timestamp > block.timestamp || proof.timestamp >> TIMESTAMP_BITS != 0) {
            revert ProofXVerifierProofFromFuture(proof.timestamp, block.timestamp);
        }
        if (block.timestamp - proof.timestamp > maxAge) {
            revert ProofXVerifierProofTooOld(proof.timestamp, block.timestamp - maxAge);
        }

        verified = _verifyPairing(address($.groth16Verifier), proof, policy.policyHash, subject);

        if (verified) {
            // timestamp <= block.timestamp and validity < 2^32, so this only overflows uint40 after year 36,000.
            $.records[subject][policyId] = ComplianceRecord({
                expiresAt: uint40(proof.timestamp + policy.validityPeriod),
                issuerId: issuerId,
                nullifierTag: nullifierTag
            });
        }
        emit ProofVerified(subject, msg.sender, policyId, proof.nullifier, verified);
    }

    /// @inheritdoc IProofXVerifier
    function isCompliant(address subject, uint256 policyId) external view returns (bool) {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        ComplianceRecord memory record = $.records[subject][policyId];
        if (record.expiresAt <= block.timestamp) return false;
        if (!$.policies[policyId].active) return false;
        uint256 issuerKeyHash = $.issuerKeyHashes[record.issuerId];
        if ($.issuers[issuerKeyHash].id != record.issuerId) return false;
        return !$.revoked[issuerKeyHash][record.nullifierTag];
    }

    /// @inheritdoc IProofXVerifier
    function getComplianceRecord(address subject, uint256 policyId) external view returns (ComplianceRecord memory) {
        return _getProofXVerifierStorage().records[subject][policyId];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Policies
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IProofXVerifier
    function setPolicy(uint256 policyId, uint256 policyHash, uint32 validityPeriod, bool active)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        if (policyHash == 0 || policyHash >= SNARK_SCALAR_FIELD) {
            revert ProofXVerifierInvalidPolicyHash(policyId, policyHash);
        }
        if (validityPeriod == 0) revert ProofXVerifierZeroValidityPeriod(policyId);
        _getProofXVerifierStorage().policies[policyId] =
            Policy({policyHash: policyHash, validityPeriod: validityPeriod, active: active});
        emit PolicySet(policyId, policyHash, validityPeriod, active);
    }

    /// @inheritdoc IProofXVerifier
    function getPolicy(uint256 policyId) external view returns (Policy memory) {
        return _getProofXVerifierStorage().policies[policyId];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Issuers and revocation
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IProofXVerifier
    function addIssuer(uint256 issuerKeyHash, address revoker) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (issuerKeyHash == 0 || issuerKeyHash >= SNARK_SCALAR_FIELD) {
            revert ProofXVerifierInvalidIssuerKeyHash(issuerKeyHash);
        }
        if (revoker == address(0)) revert ProofXVerifierZeroAddress("revoker");
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        if ($.issuers[issuerKeyHash].id != 0) revert ProofXVerifierIssuerAlreadyTrusted(issuerKeyHash);
        uint32 issuerId = ++$.lastIssuerId;
        $.issuers[issuerKeyHash] = Issuer({revoker: revoker, id: issuerId});
        $.issuerKeyHashes[issuerId] = issuerKeyHash;
        emit IssuerAdded(issuerKeyHash, issuerId, revoker);
    }

    /// @inheritdoc IProofXVerifier
    function setIssuerRevoker(uint256 issuerKeyHash, address revoker) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (revoker == address(0)) revert ProofXVerifierZeroAddress("revoker");
        Issuer storage issuer = _getProofXVerifierStorage().issuers[issuerKeyHash];
        if (issuer.id == 0) revert ProofXVerifierIssuerNotTrusted(issuerKeyHash);
        address previousRevoker = issuer.revoker;
        issuer.revoker = revoker;
        emit IssuerRevokerUpdated(issuerKeyHash, previousRevoker, revoker);
    }

    /// @inheritdoc IProofXVerifier
    function removeIssuer(uint256 issuerKeyHash) external onlyRole(DEFAULT_ADMIN_ROLE) {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        uint32 issuerId = $.issuers[issuerKeyHash].id;
        if (issuerId == 0) revert ProofXVerifierIssuerNotTrusted(issuerKeyHash);
        delete $.issuers[issuerKeyHash];
        emit IssuerRemoved(issuerKeyHash, issuerId);
    }

    /// @inheritdoc IProofXVerifier
    function getIssuer(uint256 issuerKeyHash) external view returns (Issuer memory) {
        return _getProofXVerifierStorage().issuers[issuerKeyHash];
    }

    /// @inheritdoc IProofXVerifier
    function isTrustedIssuer(uint256 issuerKeyHash) external view returns (bool) {
        return _getProofXVerifierStorage().issuers[issuerKeyHash].id != 0;
    }

    /// @inheritdoc IProofXVerifier
    function revokeCredential(uint256 issuerKeyHash, uint256 nullifier) external {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        // A removed issuer has no revoker left; an admin can still revoke its credentials.
        if (msg.sender != $.issuers[issuerKeyHash].revoker && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert ProofXVerifierUnauthorizedRevoker(msg.sender, issuerKeyHash);
        }
        if (nullifier >= SNARK_SCALAR_FIELD) revert ProofXVerifierSignalOutOfField(1, nullifier);
        uint184 nullifierTag = _nullifierTag(nullifier);
        if ($.revoked[issuerKeyHash][nullifierTag]) {
            revert ProofXVerifierCredentialAlreadyRevoked(issuerKeyHash, nullifier);
        }
        $.revoked[issuerKeyHash][nullifierTag] = true;
        emit CredentialRevoked(issuerKeyHash, nullifier, msg.sender);
    }

    /// @inheritdoc IProofXVerifier
    function isRevoked(uint256 issuerKeyHash, uint256 nullifier) external view returns (bool) {
        return _getProofXVerifierStorage().revoked[issuerKeyHash][_nullifierTag(nullifier)];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Configuration
    // ---------------------------------------------------------------------------------------------------------------

    /// @inheritdoc IProofXVerifier
    function setMaxProofAge(uint40 maxProofAge_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setMaxProofAge(maxProofAge_);
    }

    /// @inheritdoc IProofXVerifier
    function maxProofAge() external view returns (uint40) {
        return _getProofXVerifierStorage().maxProofAge;
    }

    /// @inheritdoc IProofXVerifier
    function setVerifier(address groth16Verifier, bytes32 vkeyHash_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setVerifier(groth16Verifier, vkeyHash_);
    }

    /// @inheritdoc IProofXVerifier
    function verifier() external view returns (address) {
        return address(_getProofXVerifierStorage().groth16Verifier);
    }

    /// @inheritdoc IProofXVerifier
    function vkeyHash() external view returns (bytes32) {
        return _getProofXVerifierStorage().vkeyHash;
    }

    /// @inheritdoc IProofXVerifier
    function scope() external view returns (uint256) {
        return _scopeTag();
    }

    /// @notice Whether proof submission is paused.
    function paused() external view returns (bool) {
        return _getProofXVerifierStorage().paused;
    }

    /// @notice Stops proof submission. Only PAUSER_ROLE; reverts with {EnforcedPause} if already paused.
    /// Emits a {Paused} event.
    function pause() external onlyRole(PAUSER_ROLE) {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        if ($.paused) revert EnforcedPause();
        $.paused = true;
        emit Paused(_msgSender());
    }

    /// @notice Resumes proof submission. Only PAUSER_ROLE; reverts with {ExpectedPause} if not paused.
    /// Emits an {Unpaused} event.
    function unpause() external onlyRole(PAUSER_ROLE) {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        if (!$.paused) revert ExpectedPause();
        $.paused = false;
        emit Unpaused(_msgSender());
    }

    /// @notice The implementation version, bumped by every upgrade.
    function version() external pure virtual returns (string memory) {
        return "1.0.0";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------------------------

    /// @dev Calls Groth16Verifier.verifyProof(a, b, c, signals) with calldata assembled in place: a, b and c are copied
    /// straight from the proof, the signals are [issuerKeyHash, nullifier, policyHash, context] with
    /// context = uint160(subject) | timestamp << 160 | scopeTag << 200 (the caller checked timestamp < 2^40).
    /// Saves the ABI re-encoding of the proof; a reverting verifier counts as an invalid proof.
    function _verifyPairing(address groth16Verifier, ProofXProof calldata proof, uint256 policyHash, address subject)
        private
        view
        returns (bool valid)
    {
        uint256 scopeTag = _scopeTag();
        bytes4 selector = IGroth16Verifier.verifyProof.selector;
        if (gasleft() < VERIFIER_GAS_FLOOR) revert ProofXVerifierInsufficientGas(gasleft(), VERIFIER_GAS_FLOOR);
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            mstore(ptr, selector)
            // a, b, c: 8 words right after issuerKeyHash, nullifier and timestamp in the static calldata struct.
            calldatacopy(add(ptr, 0x04), add(proof, 0x60), 0x100)
            mstore(add(ptr, 0x104), calldataload(proof))
            mstore(add(ptr, 0x124), calldataload(add(proof, 0x20)))
            mstore(add(ptr, 0x144), policyHash)
            mstore(
                add(ptr, 0x164),
                or(
                    or(and(subject, 0xffffffffffffffffffffffffffffffffffffffff), shl(160, calldataload(add(proof, 0x40)))),
                    shl(200, scopeTag)
                )
            )
            let success := staticcall(gas(), groth16Verifier, ptr, 0x184, 0x00, 0x20)
            valid := and(success, and(gt(returndatasize(), 0x1f), eq(mload(0x00), 1)))
        }
    }

    function _setVerifier(address groth16Verifier, bytes32 vkeyHash_) private {
        if (groth16Verifier == address(0)) revert ProofXVerifierZeroAddress("groth16Verifier");
        if (groth16Verifier.code.length == 0) revert ProofXVerifierVerifierHasNoCode(groth16Verifier);
        if (vkeyHash_ == bytes32(0)) revert ProofXVerifierZeroVkeyHash();
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        address previousVerifier = address($.groth16Verifier);
        $.groth16Verifier = IGroth16Verifier(groth16Verifier);
        $.vkeyHash = vkeyHash_;
        emit VerifierUpdated(previousVerifier, groth16Verifier, vkeyHash_);
    }

    function _setMaxProofAge(uint40 maxProofAge_) private {
        if (maxProofAge_ == 0) revert ProofXVerifierZeroMaxProofAge();
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        uint40 previousMaxProofAge = $.maxProofAge;
        $.maxProofAge = maxProofAge_;
        emit MaxProofAgeUpdated(previousMaxProofAge, maxProofAge_);
    }

    /// @dev keccak256(abi.encode(block.chainid, address(this))) mod 2^53 (address(this) is the proxy). The circuit
    /// binds the nullifier and the context signal to it, so proofs cannot be replayed on another chain or verifier.
    /// The SDK computes the same value (`computeScope` in sdk/src/credentials/compute-scope.ts).
    function _scopeTag() private view returns (uint256) {
        return uint256(keccak256(abi.encode(block.chainid, address(this)))) & SCOPE_TAG_MASK;
    }

    /// @dev Revocations are keyed by the low 184 bits of the nullifier so a compliance record (expiry, issuer id, tag)
    /// fits one storage slot. Nullifiers are Poseidon outputs, so two credentials sharing a tag is out of reach.
    function _nullifierTag(uint256 nullifier) private pure returns (uint184) {
        // forge-lint: disable-next-line(unsafe-typecast)
        return uint184(nullifier);
    }

    /// @dev Upgrades only by UPGRADER_ROLE.
    function _authorizeUpgrade(address) internal override onlyRole(UPGRADER_ROLE) {}
}
