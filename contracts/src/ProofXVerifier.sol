// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IGroth16BatchVerifier} from "./interfaces/IGroth16BatchVerifier.sol";
import {IGroth16Verifier} from "./interfaces/IGroth16Verifier.sol";
import {IProofXVerifier} from "./interfaces/IProofXVerifier.sol";

/// @title ProofXVerifier
/// @notice Checks Groth16 compliance proofs against registered policies and trusted issuers, and records which
/// subjects comply with which policy until when. Deployed behind an ERC-1967 proxy (UUPS).
/// @dev Roles: DEFAULT_ADMIN_ROLE (policies, issuers, signers, unpausing and reopening; a Safe multisig in production),
/// SIGNER_ROLE (prover services that submit on a subject's behalf), PAUSER_ROLE (a guardian that can only stop things,
/// at once), UPGRADER_ROLE (implementation, verifier and batch-verifier swaps; a TimelockController in production).
/// UPGRADER_ROLE is its own role admin, so the admin cannot hand itself the upgrade power and skip the timelock's
/// delay. Pausing has the ABI of OpenZeppelin's
/// PausableUpgradeable (`paused()`, `pause()`, `unpause()`, {Paused}, {Unpaused}, {EnforcedPause}, {ExpectedPause}) but
/// keeps its flag in the storage slot submitProof reads anyway, which saves a cold SLOAD (2,100 gas) per submission.
///
/// Incident switches (playbook scenario B), both PAUSER_ROLE to throw and DEFAULT_ADMIN_ROLE to undo, independent of
/// each other:
/// - {pause} stops new proofs; existing records keep counting (scenario A: a prover key leaked, holders are fine).
/// - {closeGates} makes every {isCompliant} false, so no gated dApp lets anyone through while records may be forged;
///   records are kept and count again after {openGates} unless the admin voids them. Close the gates and pause
///   together when the verifier itself is suspect.
///
/// Verifier generations: every {setVerifier} starts a new generation and every record remembers the one it was proven
/// under. `setVerifier(..., voidEarlierRecords = true)` voids every record of earlier generations in O(1) ("start
/// fresh"); `false` keeps them ("migrate"). Records written before generations existed (implementation 1.0.0) are
/// generation 0.
///
/// Record end and credential expiry (circuit v2, Groth16Verifier_v2): a record made at `timestamp` counts until
/// `timestamp + validityPeriod` (this contract's registered period). The v2 policy hash commits the policy's validity
/// period and the proof shows `timestamp + validityPeriod <= credential.expiresAt`, so a record never outlives the
/// credential it was proven from; the proof reveals only that the credential lasts at least until the record ends,
/// never `expiresAt` itself. Cost: 33 circuit constraints, no gas (still four public signals; the period travels
/// inside policyHash). The contract does not recompute the Poseidon hash (a Poseidon contract to deploy, trust and
/// pay for on every setPolicy): the admin registers hash and period together from one policy
/// document, and the SDK refuses to prove when the registered period differs from the document's. A registered hash
/// committing another period than a proof's makes that proof fail. Under circuit v1 (Groth16Verifier) the proof says
/// nothing about expiry: switch with setVerifier(Groth16Verifier_v2, vkeyHash, true) and re-register the v2 hashes.
/// @custom:security-contact security@proofx.example
contract ProofXVerifier is Initializable, AccessControlUpgradeable, UUPSUpgradeable, IProofXVerifier {
    /// @notice Role of prover-service keys that may submit proofs on behalf of a subject.
    bytes32 public constant SIGNER_ROLE = keccak256("SIGNER_ROLE");
    /// @notice Role that may pause proof submission and close the gates (undoing either is DEFAULT_ADMIN_ROLE's).
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    /// @notice Role that may upgrade the implementation and swap the Groth16 and batch verifiers; administers itself.
    bytes32 public constant UPGRADER_ROLE = keccak256("UPGRADER_ROLE");

    /// @dev Bits of the circuit's `now` and of the scope tag, the fields packed into the `context` signal above the
    /// 160-bit subject: context = subject | timestamp << 160 | scopeTag << 200 < 2^253 < r.
    uint256 internal constant TIMESTAMP_BITS = 40;
    uint256 internal constant SCOPE_TAG_MASK = (1 << 53) - 1;

    /// @dev BN254 scalar field modulus r: every public signal must be below it.
    uint256 internal constant SNARK_SCALAR_FIELD =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;

    /// @dev Gas Groth16Verifier is given (4 signals: ~206k in precompiles, ~211k in total), with a margin for a few
    /// more signals. A bound and not all the gas: its pairing precompile consumes everything it was given when a point
    /// is invalid.
    uint256 internal constant VERIFIER_GAS_STIPEND = 240_000;
    /// @dev Gas that must be left before calling Groth16Verifier: the stipend after the cold account access and the
    /// 63/64 rule. The generated verifier answers false instead of reverting when a precompile runs out of gas, so
    /// without this floor eth_estimateGas would settle on a limit at which every valid proof is reported invalid.
    uint256 internal constant VERIFIER_GAS_FLOOR = 250_000;
    /// @dev Gas that must be left before calling Groth16BatchVerifier for n proofs: base + n * per proof (measured
    /// ~185k + ~47k n with 4 signals), for the same reason as VERIFIER_GAS_FLOOR.
    uint256 internal constant BATCH_GAS_FLOOR_BASE = 220_000;
    uint256 internal constant BATCH_GAS_FLOOR_PER_PROOF = 50_000;
    /// @notice Most entries submitProofs takes at once.
    uint256 public constant MAX_BATCH_SIZE = 64;

    /// @dev Groth16Verifier.verifyProof's arguments (a, b, c, 4 signals) in words and bytes, and with the selector.
    uint256 internal constant GROTH16_INPUT_WORDS = 12;
    uint256 internal constant GROTH16_INPUT_BYTES = 0x180;
    uint256 internal constant GROTH16_CALL_BYTES = 0x184;

    /// @notice Emitted when `account` pauses proof submission (same event as OpenZeppelin's Pausable).
    event Paused(address account);
    /// @notice Emitted when `account` resumes proof submission (same event as OpenZeppelin's Pausable).
    event Unpaused(address account);
    /// @notice The operation failed because the contract is paused (same error as OpenZeppelin's Pausable).
    error EnforcedPause();
    /// @notice The operation failed because the contract is not paused (same error as OpenZeppelin's Pausable).
    error ExpectedPause();

    /// @dev Issuer ids fit the record's 24 bits (its other 8 bits of that word hold the verifier generation).
    uint32 internal constant MAX_ISSUER_ID = type(uint24).max;

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
        // Records of 1.0.0 (generation 0): read as a fallback, no longer written.
        mapping(address subject => mapping(uint256 policyId => LegacyComplianceRecord)) records;
        // Added in 1.1.0 (appended: earlier fields keep their slots). Zero: batches are checked proof by proof.
        IGroth16BatchVerifier batchVerifier;
        // Added in 1.1.0. One slot, read by every submission and by isCompliant.
        uint8 verifierGeneration;
        uint8 validFromGeneration;
        bool gatesClosed;
        // Records since 1.1.0, with the generation they were proven under.
        mapping(address subject => mapping(uint256 policyId => ComplianceRecord)) generationRecords;
    }

    /// @dev The 1.0.0 record layout (its slot is full, so records with a generation live in their own mapping).
    struct LegacyComplianceRecord {
        uint40 expiresAt;
        uint32 issuerId;
        uint184 nullifierTag;
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

    /// @notice Initializes the proxy: `admin` gets DEFAULT_ADMIN_ROLE, PAUSER_ROLE and UPGRADER_ROLE (hand them to a
    /// Safe, a guardian and a timelock afterwards), and UPGRADER_ROLE becomes its own role admin.
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
        _setRoleAdmin(UPGRADER_ROLE, UPGRADER_ROLE);
        _setVerifier(groth16Verifier, vkeyHash_, false);
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
        (uint256 policyHash, ComplianceRecord memory record, bytes memory rejection) =
            _admit($, policyId, subject, proof, msg.sender != subject && hasRole(SIGNER_ROLE, msg.sender));
        if (rejection.length != 0) _revertWith(rejection);

        uint256 callData = _newGroth16Call();
        _writeGroth16Input(callData + 4, proof, policyHash, subject, _scopeTag());
        verified = _verifySingle(address($.groth16Verifier), callData);
        _settle($, policyId, subject, proof.nullifier, record, verified);
    }

    /// @inheritdoc IProofXVerifier
    /// @dev Soundness: an entry is recorded only if its pairing check passed, alone or inside a batch that
    /// Groth16BatchVerifier accepted. The batch check is sound up to q * 2^-253 for q hash evaluations by the submitter
    /// (random linear combination with coefficients from a hash of every proof and signal of the batch; argument in
    /// Groth16BatchVerifier's NatSpec and docs/batch-submission.md). When the batch is false, or no batch verifier
    /// is set, every admitted entry is checked alone by Groth16Verifier, exactly as submitProof checks it, so each
    /// entry's outcome is submitProof's: a bad proof costs only itself.
    function submitProofs(ProofSubmission[] calldata submissions) external returns (bool[] memory verified) {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        if ($.paused) revert EnforcedPause();
        uint256 count = submissions.length;
        if (count == 0 || count > MAX_BATCH_SIZE) revert ProofXVerifierInvalidBatchSize(count, MAX_BATCH_SIZE);
        verified = new bool[](count);
        (ComplianceRecord[] memory records, bytes[] memory rejections, uint256 batchCall, uint256 admitted) =
            _admitBatch($, submissions);
        // One proof costs less alone (4 pairs, no scalar multiplications) than as a batch of one (4 pairs, 8).
        bool batchValid = admitted > 1 && _verifyBatch(address($.batchVerifier), batchCall, admitted);
        _settleBatch($, submissions, records, rejections, batchCall + 0x44, batchValid, verified);
    }

    /// @inheritdoc IProofXVerifier
    function isCompliant(address subject, uint256 policyId) external view returns (bool) {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        ComplianceRecord memory record = _record($, subject, policyId);
        if (record.expiresAt <= block.timestamp) return false;
        // One slot: the gates and the oldest generation that still counts.
        if ($.gatesClosed || record.verifierGeneration < $.validFromGeneration) return false;
        if (!$.policies[policyId].active) return false;
        uint256 issuerKeyHash = $.issuerKeyHashes[record.issuerId];
        if ($.issuers[issuerKeyHash].id != record.issuerId) return false;
        return !$.revoked[issuerKeyHash][record.nullifierTag];
    }

    /// @inheritdoc IProofXVerifier
    function getComplianceRecord(address subject, uint256 policyId) external view returns (ComplianceRecord memory) {
        return _record(_getProofXVerifierStorage(), subject, policyId);
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
        if ($.lastIssuerId >= MAX_ISSUER_ID) revert ProofXVerifierIssuerIdsExhausted(MAX_ISSUER_ID);
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
    function setVerifier(address groth16Verifier, bytes32 vkeyHash_, bool voidEarlierRecords)
        external
        onlyRole(UPGRADER_ROLE)
    {
        _setVerifier(groth16Verifier, vkeyHash_, voidEarlierRecords);
    }

    /// @inheritdoc IProofXVerifier
    function verifierGeneration() external view returns (uint8) {
        return _getProofXVerifierStorage().verifierGeneration;
    }

    /// @inheritdoc IProofXVerifier
    function validFromGeneration() external view returns (uint8) {
        return _getProofXVerifierStorage().validFromGeneration;
    }

    /// @inheritdoc IProofXVerifier
    function gatesClosed() external view returns (bool) {
        return _getProofXVerifierStorage().gatesClosed;
    }

    /// @inheritdoc IProofXVerifier
    function closeGates() external onlyRole(PAUSER_ROLE) {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        if ($.gatesClosed) revert ProofXVerifierGatesClosed();
        $.gatesClosed = true;
        emit GatesClosed(_msgSender());
    }

    /// @inheritdoc IProofXVerifier
    function openGates() external onlyRole(DEFAULT_ADMIN_ROLE) {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        if (!$.gatesClosed) revert ProofXVerifierGatesOpen();
        $.gatesClosed = false;
        emit GatesOpened(_msgSender());
    }

    /// @inheritdoc IProofXVerifier
    function setBatchVerifier(address batchVerifier_) external onlyRole(UPGRADER_ROLE) {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        if (batchVerifier_ != address(0)) {
            if (batchVerifier_.code.length == 0) revert ProofXVerifierVerifierHasNoCode(batchVerifier_);
            bytes32 batchVkeyHash = IGroth16BatchVerifier(batchVerifier_).vkeyHash();
            if (batchVkeyHash != $.vkeyHash) {
                revert ProofXVerifierBatchVerifierKeyMismatch(batchVerifier_, batchVkeyHash, $.vkeyHash);
            }
        }
        _replaceBatchVerifier($, batchVerifier_);
    }

    /// @inheritdoc IProofXVerifier
    function batchVerifier() external view returns (address) {
        return address(_getProofXVerifierStorage().batchVerifier);
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

    /// @notice Resumes proof submission. Only DEFAULT_ADMIN_ROLE (the Safe): a guardian stops at once, but
    /// restarting needs the multisig. Reverts with {ExpectedPause} if not paused. Emits an {Unpaused} event.
    function unpause() external onlyRole(DEFAULT_ADMIN_ROLE) {
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        if (!$.paused) revert ExpectedPause();
        $.paused = false;
        emit Unpaused(_msgSender());
    }

    /// @notice The implementation version, bumped by every upgrade.
    function version() external pure virtual returns (string memory) {
        return "1.1.0";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------------------------

    /// @dev The checks every submission passes before its pairing check, shared by submitProof (which reverts with the
    /// rejection) and submitProofs (which reports it and goes on). Returns the policy hash the proof must be made for
    /// and the record a valid proof writes, or the ABI-encoded custom error that rejects the entry.
    /// @param senderIsSigner Whether msg.sender holds SIGNER_ROLE (callers skip the lookup when it cannot matter).
    function _admit(
        ProofXVerifierStorage storage $,
        uint256 policyId,
        address subject,
        ProofXProof calldata proof,
        bool senderIsSigner
    ) private view returns (uint256 policyHash, ComplianceRecord memory record, bytes memory rejection) {
        if (msg.sender != subject && !senderIsSigner) {
            return
                (0, record, abi.encodeWithSelector(ProofXVerifierUnauthorizedSubmitter.selector, msg.sender, subject));
        }

        Policy storage policy = $.policies[policyId];
        if (!policy.active) {
            return (0, record, abi.encodeWithSelector(ProofXVerifierPolicyInactive.selector, policyId));
        }

        uint256 issuerKeyHash = proof.issuerKeyHash;
        uint32 issuerId = $.issuers[issuerKeyHash].id;
        if (issuerId == 0) {
            return (0, record, abi.encodeWithSelector(ProofXVerifierIssuerNotTrusted.selector, issuerKeyHash));
        }

        // The nullifier must be a field element before it is truncated into a revocation key.
        uint256 nullifier = proof.nullifier;
        if (nullifier >= SNARK_SCALAR_FIELD) {
            return (0, record, abi.encodeWithSelector(ProofXVerifierSignalOutOfField.selector, 1, nullifier));
        }
        uint184 nullifierTag = _nullifierTag(nullifier);
        if ($.revoked[issuerKeyHash][nullifierTag]) {
            return
                (0, record, abi.encodeWithSelector(ProofXVerifierCredentialRevoked.selector, issuerKeyHash, nullifier));
        }

        uint256 maxAge = $.maxProofAge;
        uint256 timestamp = proof.timestamp;
        // The circuit's `now` has 40 bits: a later timestamp is in the future of every block it can speak for (and
        // would spill into the scope tag's bits of the packed context signal).
        if (timestamp > block.timestamp || timestamp >> TIMESTAMP_BITS != 0) {
            return
                (0, record, abi.encodeWithSelector(ProofXVerifierProofFromFuture.selector, timestamp, block.timestamp));
        }
        if (block.timestamp - timestamp > maxAge) {
            return (
                0,
                record,
                abi.encodeWithSelector(ProofXVerifierProofTooOld.selector, timestamp, block.timestamp - maxAge)
            );
        }

        // timestamp <= block.timestamp and validity < 2^32, so this only overflows uint40 after year 36,000.
        record = _newRecord($, timestamp + policy.validityPeriod, issuerId, nullifierTag);
        policyHash = policy.policyHash;
    }

    /// @dev The record a valid proof writes, under the current verifier generation. issuerId <= MAX_ISSUER_ID
    /// (addIssuer; 1.0.0 gave ids out one by one) and expiresAt < 2^40 (see _admit), so the casts keep them whole.
    function _newRecord(ProofXVerifierStorage storage $, uint256 expiresAt, uint32 issuerId, uint184 nullifierTag)
        private
        view
        returns (ComplianceRecord memory)
    {
        // forge-lint: disable-next-line(unsafe-typecast)
        return ComplianceRecord(uint40(expiresAt), uint24(issuerId), $.verifierGeneration, nullifierTag);
    }

    /// @dev Runs _admit on every entry and writes the admitted entries' verifier input after 0x44 bytes of room for the
    /// verifyProofs(uint256[]) selector, offset and length. Admitted entries get their record (expiresAt > 0), rejected
    /// ones their rejection.
    function _admitBatch(ProofXVerifierStorage storage $, ProofSubmission[] calldata submissions)
        private
        view
        returns (ComplianceRecord[] memory records, bytes[] memory rejections, uint256 batchCall, uint256 admitted)
    {
        uint256 count = submissions.length;
        bool senderIsSigner = hasRole(SIGNER_ROLE, msg.sender);
        uint256 scopeTag = _scopeTag();
        records = new ComplianceRecord[](count);
        rejections = new bytes[](count);
        batchCall = _allocate(0x44 + count * GROTH16_INPUT_BYTES);
        for (uint256 i; i < count; ++i) {
            ProofSubmission calldata entry = submissions[i];
            (uint256 policyHash, ComplianceRecord memory record, bytes memory rejection) =
                _admit($, entry.policyId, entry.subject, entry.proof, senderIsSigner);
            if (rejection.length != 0) {
                rejections[i] = rejection;
                continue;
            }
            _writeGroth16Input(
                batchCall + 0x44 + admitted * GROTH16_INPUT_BYTES, entry.proof, policyHash, entry.subject, scopeTag
            );
            records[i] = record;
            ++admitted;
        }
    }

    /// @dev Settles every entry in entry order, one event each: a rejected one emits {SubmissionRejected}; an admitted
    /// one is valid if the batch verified, else checked alone by Groth16Verifier from its words in the batch input
    /// (starting at `input`), and settled like submitProof settles.
    function _settleBatch(
        ProofXVerifierStorage storage $,
        ProofSubmission[] calldata submissions,
        ComplianceRecord[] memory records,
        bytes[] memory rejections,
        uint256 input,
        bool batchValid,
        bool[] memory verified
    ) private {
        uint256 singleCall = batchValid ? 0 : _newGroth16Call();
        address groth16Verifier = address($.groth16Verifier);
        for (uint256 i; i < submissions.length; ++i) {
            ProofSubmission calldata entry = submissions[i];
            if (records[i].expiresAt == 0) {
                emit SubmissionRejected(entry.subject, msg.sender, entry.policyId, entry.proof.nullifier, rejections[i]);
                continue;
            }
            bool valid = batchValid || _verifySingleCopy(groth16Verifier, singleCall, input);
            input += GROTH16_INPUT_BYTES;
            _settle($, entry.policyId, entry.subject, entry.proof.nullifier, records[i], valid);
            verified[i] = valid;
        }
    }

    /// @dev Writes the outcome of an admitted entry: the record if its proof verified, and the {ProofVerified} event.
    function _settle(
        ProofXVerifierStorage storage $,
        uint256 policyId,
        address subject,
        uint256 nullifier,
        ComplianceRecord memory record,
        bool verified
    ) private {
        if (verified) $.generationRecords[subject][policyId] = record;
        emit ProofVerified(subject, msg.sender, policyId, nullifier, verified);
    }

    /// @dev The one place the public-signal layout is built: writes Groth16Verifier.verifyProof's arguments (a, b, c,
    /// then the signals [issuerKeyHash, nullifier, policyHash, context]) as GROTH16_INPUT_WORDS words at `to`, copying
    /// the points straight from calldata. context = uint160(subject) | timestamp << 160 | scopeTag << 200 (the caller
    /// checked timestamp < 2^40). Groth16BatchVerifier takes the same words per proof.
    function _writeGroth16Input(
        uint256 to,
        ProofXProof calldata proof,
        uint256 policyHash,
        address subject,
        uint256 scopeTag
    ) private pure {
        assembly ("memory-safe") {
            // a, b, c: 8 words right after issuerKeyHash, nullifier and timestamp in the static calldata struct.
            calldatacopy(to, add(proof, 0x60), 0x100)
            mstore(add(to, 0x100), calldataload(proof))
            mstore(add(to, 0x120), calldataload(add(proof, 0x20)))
            mstore(add(to, 0x140), policyHash)
            mstore(
                add(to, 0x160),
                or(
                    or(
                        and(subject, 0xffffffffffffffffffffffffffffffffffffffff),
                        shl(160, calldataload(add(proof, 0x40)))
                    ),
                    shl(200, scopeTag)
                )
            )
        }
    }

    /// @dev Calls Groth16Verifier.verifyProof with the GROTH16_CALL_BYTES of calldata at `callData` (from _newGroth16Call,
    /// arguments written by _writeGroth16Input). It gets VERIFIER_GAS_STIPEND, not all the gas: its precompiles consume what they
    /// were given when a point is invalid, which would otherwise leave a batch's other entries without gas. A reverting
    /// verifier counts as an invalid proof.
    function _verifySingle(address groth16Verifier, uint256 callData) private view returns (bool valid) {
        if (gasleft() < VERIFIER_GAS_FLOOR) revert ProofXVerifierInsufficientGas(gasleft(), VERIFIER_GAS_FLOOR);
        assembly ("memory-safe") {
            let success := staticcall(VERIFIER_GAS_STIPEND, groth16Verifier, callData, GROTH16_CALL_BYTES, 0x00, 0x20)
            valid := and(success, and(gt(returndatasize(), 0x1f), eq(mload(0x00), 1)))
        }
    }

    /// @dev _verifySingle for an entry of the batch buffer: copies its words at `input` into `callData` first.
    function _verifySingleCopy(address groth16Verifier, uint256 callData, uint256 input) private view returns (bool) {
        assembly ("memory-safe") {
            mcopy(add(callData, 4), input, GROTH16_INPUT_BYTES)
        }
        return _verifySingle(groth16Verifier, callData);
    }

    /// @dev Calls Groth16BatchVerifier.verifyProofs over the `count` entries written at `callData` + 0x44. False when no batch
    /// verifier is set. The gas floor makes sure a false answer means an invalid batch, never a starved one.
    function _verifyBatch(address batchVerifier_, uint256 callData, uint256 count) private view returns (bool valid) {
        if (batchVerifier_ == address(0)) return false;
        uint256 required = BATCH_GAS_FLOOR_BASE + BATCH_GAS_FLOOR_PER_PROOF * count;
        if (gasleft() < required) revert ProofXVerifierInsufficientGas(gasleft(), required);
        bytes4 selector = IGroth16BatchVerifier.verifyProofs.selector;
        assembly ("memory-safe") {
            mstore(callData, selector)
            mstore(add(callData, 0x04), 0x20)
            mstore(add(callData, 0x24), mul(count, GROTH16_INPUT_WORDS))
            let success :=
                staticcall(gas(), batchVerifier_, callData, add(0x44, mul(count, GROTH16_INPUT_BYTES)), 0x00, 0x20)
            valid := and(success, and(gt(returndatasize(), 0x1f), eq(mload(0x00), 1)))
        }
    }

    /// @dev A buffer for Groth16Verifier.verifyProof calldata with the selector in place (arguments follow at +4).
    function _newGroth16Call() private pure returns (uint256 callData) {
        callData = _allocate(GROTH16_CALL_BYTES);
        bytes4 selector = IGroth16Verifier.verifyProof.selector;
        assembly ("memory-safe") {
            mstore(callData, selector)
        }
    }

    /// @dev `size` bytes of fresh memory, moving the free memory pointer past them.
    function _allocate(uint256 size) private pure returns (uint256 pointer) {
        assembly ("memory-safe") {
            pointer := mload(0x40)
            mstore(0x40, add(pointer, and(add(size, 0x1f), not(0x1f))))
        }
    }

    /// @dev Reverts with the ABI-encoded custom error `rejection` (from _admit).
    function _revertWith(bytes memory rejection) private pure {
        assembly ("memory-safe") {
            revert(add(rejection, 0x20), mload(rejection))
        }
    }

    /// @dev Every verifier starts a new generation; voiding earlier ones is one SSTORE whatever the number of records.
    function _setVerifier(address groth16Verifier, bytes32 vkeyHash_, bool voidEarlierRecords) private {
        if (groth16Verifier == address(0)) revert ProofXVerifierZeroAddress("groth16Verifier");
        if (groth16Verifier.code.length == 0) revert ProofXVerifierVerifierHasNoCode(groth16Verifier);
        if (vkeyHash_ == bytes32(0)) revert ProofXVerifierZeroVkeyHash();
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        uint8 generation = $.verifierGeneration;
        if (generation == type(uint8).max) revert ProofXVerifierGenerationsExhausted(generation);
        ++generation;
        address previousVerifier = address($.groth16Verifier);
        $.groth16Verifier = IGroth16Verifier(groth16Verifier);
        $.vkeyHash = vkeyHash_;
        $.verifierGeneration = generation;
        if (voidEarlierRecords) $.validFromGeneration = generation;
        emit VerifierUpdated(previousVerifier, groth16Verifier, vkeyHash_);
        emit VerifierGenerationStarted(generation, $.validFromGeneration);
        // A batch verifier of another key would refuse every batch of the new circuit's proofs: drop it.
        IGroth16BatchVerifier batch = $.batchVerifier;
        if (address(batch) != address(0) && batch.vkeyHash() != vkeyHash_) _replaceBatchVerifier($, address(0));
    }

    function _replaceBatchVerifier(ProofXVerifierStorage storage $, address batchVerifier_) private {
        address previous = address($.batchVerifier);
        $.batchVerifier = IGroth16BatchVerifier(batchVerifier_);
        emit BatchVerifierUpdated(previous, batchVerifier_);
    }

    function _setMaxProofAge(uint40 maxProofAge_) private {
        if (maxProofAge_ == 0) revert ProofXVerifierZeroMaxProofAge();
        ProofXVerifierStorage storage $ = _getProofXVerifierStorage();
        uint40 previousMaxProofAge = $.maxProofAge;
        $.maxProofAge = maxProofAge_;
        emit MaxProofAgeUpdated(previousMaxProofAge, maxProofAge_);
    }

    /// @dev The record of (subject, policy): the one with a generation, else the 1.0.0 one as generation 0 (its issuer
    /// id is below 2^24: 1.0.0 handed ids out one by one from 1).
    function _record(ProofXVerifierStorage storage $, address subject, uint256 policyId)
        private
        view
        returns (ComplianceRecord memory record)
    {
        record = $.generationRecords[subject][policyId];
        if (record.expiresAt != 0) return record;
        LegacyComplianceRecord memory legacy = $.records[subject][policyId];
        // forge-lint: disable-next-line(unsafe-typecast)
        return ComplianceRecord(legacy.expiresAt, uint24(legacy.issuerId), 0, legacy.nullifierTag);
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
