// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {ProofXVerifier} from "../../../src/ProofXVerifier.sol";
import {IProofXVerifier} from "../../../src/interfaces/IProofXVerifier.sol";

/// @dev Drives ProofXVerifier with real fixture proofs (sometimes corrupted), random senders, role changes by random
/// actors, pauses, issuer changes, revocations and time, one at a time (submitProof) and in batches (submitProofs). Inputs are bounded and actors picked from seeds; calls that
/// the contract rejects are caught, so the fuzzer keeps exploring. Ghost variables record what the invariants check.
contract ProofXVerifierHandler is CommonBase, StdCheats, StdUtils {
    struct FixtureProof {
        IProofXVerifier.ProofXProof proof;
        uint256 policyId;
        address subject;
        /// @dev The expiry of the credential the proof was made from, when the fixtures state it (0: not stated).
        uint256 credentialExpiresAt;
    }

    ProofXVerifier internal immutable verifier;
    address internal immutable admin;
    uint256 internal immutable issuerKeyHash;
    address internal immutable revoker;

    FixtureProof[] internal proofs;
    address[] public actors;
    bytes32[] public roles;
    mapping(address account => bool) public everRevokedSigner;
    /// @dev The role state the handler expects: changed only by calls a holder of the role's admin role made.
    mapping(bytes32 role => mapping(address account => bool)) public expectedRole;

    /// @dev Whether this run's opening submission was made (see {opensRun}).
    bool internal opened;

    uint256 public ghostAccepted;
    /// @dev Batch entries whose submitProofs outcome differed from what submitProof gives the same entry in the same
    /// state (the handler runs both, from one snapshot).
    uint256 public ghostBatchDisagreements;
    /// @dev Batch entries submitted and batch entries verified, so the invariants can tell the batch path ran.
    uint256 public ghostBatchEntries;
    uint256 public ghostBatchAccepted;
    uint256 public ghostRecordChangedWhilePaused;
    uint256 public ghostRevokedSignerSubmissions;
    /// @dev How often the handler saw a record count while the gates were closed, or a record of a voided generation
    /// count (both must stay 0), and how often the situations were exercised (so the invariants cannot pass vacuously).
    uint256 public ghostCompliantWhileClosed;
    uint256 public ghostVoidedRecordCompliant;
    uint256 public ghostChecksWhileClosed;
    uint256 public ghostChecksOfVoidedRecords;
    uint256 public ghostVoids;
    /// @dev How often the handler saw a record count at or past its expiresAt (must stay 0), and how often it looked
    /// at an expired record at all.
    uint256 public ghostCompliantPastExpiry;
    uint256 public ghostChecksPastExpiry;
    /// @dev Whether an accepted submission wrote (subject, policy)'s current record, so the records in state can be
    /// matched one to one with accepted submissions.
    mapping(address subject => mapping(uint256 policyId => bool)) public ghostHasRecord;
    /// @dev The handler's model: the generation each record was written under, and the oldest that still counts.
    mapping(address subject => mapping(uint256 policyId => uint256)) public ghostGenerationAtRecord;
    uint256 public ghostValidFromGeneration;
    /// @dev Per (subject, policy): block time when the current record was written, the accepted proof's timestamp and
    /// the validity then in force.
    mapping(address subject => mapping(uint256 policyId => uint256)) public ghostRecordedAt;
    mapping(address subject => mapping(uint256 policyId => uint256)) public ghostProofTimestamp;
    mapping(address subject => mapping(uint256 policyId => uint256)) public ghostValidityAtRecord;
    /// @dev The policy as registered at setup, from one document: its hash commits its validity period (circuit v2).
    mapping(uint256 policyId => IProofXVerifier.Policy) internal documentPolicy;
    /// @dev Per (subject, policy): the expiry of the credential behind the current record (0: not stated), and
    /// whether the policy was registered as its document says (hash and period together) when the record was written:
    /// the one case in which the proof bounds the record's end by the credential's expiry.
    mapping(address subject => mapping(uint256 policyId => uint256)) public ghostCredentialExpiryAtRecord;
    mapping(address subject => mapping(uint256 policyId => bool)) public ghostRegisteredAsDocumentAtRecord;
    /// @dev How often the handler saw a record count at or past its credential's expiry (must stay 0), and how often it
    /// looked at such a record at all.
    uint256 public ghostCompliantPastCredentialExpiry;
    uint256 public ghostChecksPastCredentialExpiry;

    constructor(ProofXVerifier verifier_, address admin_, uint256 issuerKeyHash_, address revoker_) {
        verifier = verifier_;
        admin = admin_;
        issuerKeyHash = issuerKeyHash_;
        revoker = revoker_;
        roles.push(verifier_.SIGNER_ROLE());
        roles.push(verifier_.PAUSER_ROLE());
        roles.push(verifier_.UPGRADER_ROLE());
    }

    // --- setup, called by the test before fuzzing --------------------------------------------------------------------

    function addProof(
        IProofXVerifier.ProofXProof calldata proof,
        uint256 policyId,
        address subject,
        uint256 credentialExpiresAt
    ) external {
        proofs.push(FixtureProof(proof, policyId, subject, credentialExpiresAt));
        documentPolicy[policyId] = verifier.getPolicy(policyId);
    }

    function addActor(address actor) external {
        actors.push(actor);
        for (uint256 i; i < roles.length; ++i) {
            expectedRole[roles[i]][actor] = verifier.hasRole(roles[i], actor);
        }
    }

    function proofCount() external view returns (uint256) {
        return proofs.length;
    }

    function proofAt(uint256 index) external view returns (address subject, uint256 policyId) {
        return (proofs[index].subject, proofs[index].policyId);
    }

    /// @dev Whether policyId is registered as its document says: setValidity registers another period under the same
    /// hash, an admin error the contract cannot see (it does not recompute the Poseidon hash), so such records are
    /// left out of the credential-expiry invariant.
    function registeredAsDocument(uint256 policyId) public view returns (bool) {
        IProofXVerifier.Policy memory policy = verifier.getPolicy(policyId);
        IProofXVerifier.Policy memory document = documentPolicy[policyId];
        return policy.policyHash == document.policyHash && policy.validityPeriod == document.validityPeriod;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function roleCount() external view returns (uint256) {
        return roles.length;
    }

    // --- actions -----------------------------------------------------------------------------------------------------

    /// @dev Submits a fixture proof, sent by its subject or a random actor, with A negated one time in four (valid
    /// submissions are what the record invariants are about).
    function submit(uint256 proofSeed, uint256 senderSeed, bool bySubject, uint8 corruptSeed) external opensRun {
        FixtureProof memory entry = proofs[_bound(proofSeed, 0, proofs.length - 1)];
        _submit(entry, bySubject ? entry.subject : _actor(senderSeed), corruptSeed % 4 == 0);
    }

    /// @dev Submits 1..8 fixture proofs (repeats allowed, some corrupted) with submitProofs from a random actor, after
    /// recording what submitProof would do with each of them in the same state.
    function submitBatch(uint256 seed, uint256 size, uint256 senderSeed) external opensRun {
        uint256 count = _bound(size, 1, 8);
        address sender = _actor(senderSeed);
        IProofXVerifier.ProofSubmission[] memory entries = new IProofXVerifier.ProofSubmission[](count);
        uint256[] memory credentialExpiries = new uint256[](count);
        for (uint256 i; i < count; ++i) {
            uint256 roll = uint256(keccak256(abi.encode(seed, i)));
            FixtureProof memory entry = proofs[roll % proofs.length];
            entries[i] = IProofXVerifier.ProofSubmission(entry.policyId, entry.subject, entry.proof);
            credentialExpiries[i] = entry.credentialExpiresAt;
            if ((roll >> 8) % 4 == 0) {
                entries[i].proof.a[1] = entries[i].proof.a[1] == 0 ? 0 : FIELD_Q - entries[i].proof.a[1];
            }
        }

        bool[] memory expected = new bool[](count);
        uint256 snapshot = vm.snapshotState();
        for (uint256 i; i < count; ++i) {
            vm.prank(sender);
            try verifier.submitProof(entries[i].policyId, entries[i].subject, entries[i].proof) returns (bool v) {
                expected[i] = v;
            } catch {}
        }
        vm.revertToState(snapshot);

        bool paused = verifier.paused();
        bytes32[] memory before = _recordHashes(entries);
        bool[] memory verified = new bool[](count);
        vm.prank(sender);
        try verifier.submitProofs(entries) returns (bool[] memory results) {
            verified = results;
        } catch {}
        ghostBatchEntries += count;
        bytes32[] memory afterwards = _recordHashes(entries);
        for (uint256 i; i < count; ++i) {
            if (verified[i] != expected[i]) ++ghostBatchDisagreements;
            if (paused && before[i] != afterwards[i]) ++ghostRecordChangedWhilePaused;
            if (!verified[i]) continue;
            ++ghostAccepted;
            ++ghostBatchAccepted;
            ghostHasRecord[entries[i].subject][entries[i].policyId] = true;
            if (everRevokedSigner[sender] && sender != entries[i].subject) ++ghostRevokedSignerSubmissions;
            ghostRecordedAt[entries[i].subject][entries[i].policyId] = block.timestamp;
            ghostProofTimestamp[entries[i].subject][entries[i].policyId] = entries[i].proof.timestamp;
            ghostValidityAtRecord[entries[i].subject][entries[i].policyId] =
            verifier.getPolicy(entries[i].policyId).validityPeriod;
            ghostGenerationAtRecord[entries[i].subject][entries[i].policyId] = verifier.verifierGeneration();
            ghostCredentialExpiryAtRecord[entries[i].subject][entries[i].policyId] = credentialExpiries[i];
            ghostRegisteredAsDocumentAtRecord[entries[i].subject][entries[i].policyId] =
                registeredAsDocument(entries[i].policyId);
        }
    }

    function warp(uint256 seconds_) external opensRun {
        vm.warp(block.timestamp + _bound(seconds_, 0, 5 days));
    }

    /// @dev A random actor grants a role to a random actor. Never re-grants SIGNER_ROLE to a revoked signer: rotated
    /// signer keys are new keys.
    function grantRole(uint256 actorSeed, uint256 roleSeed, uint256 accountSeed) external opensRun {
        address actor = _actor(actorSeed);
        bytes32 role = roles[_bound(roleSeed, 0, roles.length - 1)];
        address account = _actor(accountSeed);
        if (role == verifier.SIGNER_ROLE() && everRevokedSigner[account]) return;
        bool isAdmin = verifier.hasRole(_roleAdmin(role), actor);
        vm.prank(actor);
        try verifier.grantRole(role, account) {
            if (isAdmin) expectedRole[role][account] = true;
        } catch {}
    }

    /// @dev A random actor revokes a role from a random actor.
    function revokeRole(uint256 actorSeed, uint256 roleSeed, uint256 accountSeed) external opensRun {
        address actor = _actor(actorSeed);
        bytes32 role = roles[_bound(roleSeed, 0, roles.length - 1)];
        address account = _actor(accountSeed);
        bool isAdmin = verifier.hasRole(_roleAdmin(role), actor);
        bool hadRole = verifier.hasRole(role, account);
        vm.prank(actor);
        try verifier.revokeRole(role, account) {
            if (isAdmin) {
                expectedRole[role][account] = false;
                if (role == verifier.SIGNER_ROLE() && hadRole) everRevokedSigner[account] = true;
            }
        } catch {}
    }

    function pause(uint256 actorSeed) external opensRun {
        vm.prank(_actor(actorSeed));
        try verifier.pause() {} catch {}
    }

    function unpause(uint256 actorSeed) external opensRun {
        vm.prank(_actor(actorSeed));
        try verifier.unpause() {} catch {}
    }

    /// @dev A random actor closes (only pausers succeed) or opens (only admins succeed) the gates.
    function toggleGates(uint256 actorSeed) external opensRun {
        vm.startPrank(_actor(actorSeed));
        if (verifier.gatesClosed()) {
            try verifier.openGates() {} catch {}
        } else {
            try verifier.closeGates() {} catch {}
        }
        vm.stopPrank();
    }

    /// @dev The admin (or a random actor, who fails) swaps in the same verifier as a new generation, voiding or not.
    function swapVerifier(uint256 actorSeed, bool byAdmin, bool voidEarlier) external opensRun {
        if (verifier.verifierGeneration() == type(uint8).max) return;
        address current = verifier.verifier();
        bytes32 currentVkeyHash = verifier.vkeyHash();
        vm.prank(byAdmin ? admin : _actor(actorSeed));
        try verifier.setVerifier(current, currentVkeyHash, voidEarlier) {
            if (voidEarlier) {
                ++ghostVoids;
                ghostValidFromGeneration = verifier.verifierGeneration();
            }
        } catch {}
    }

    /// @dev Reads isCompliant for every fixture entry and counts what must never happen.
    function checkGates() external opensRun {
        bool closed = verifier.gatesClosed();
        for (uint256 i; i < proofs.length; ++i) {
            FixtureProof memory entry = proofs[i];
            uint256 expiresAt = verifier.getComplianceRecord(entry.subject, entry.policyId).expiresAt;
            if (expiresAt == 0) continue;
            bool compliant = verifier.isCompliant(entry.subject, entry.policyId);
            if (expiresAt <= block.timestamp) {
                ++ghostChecksPastExpiry;
                if (compliant) ++ghostCompliantPastExpiry;
            }
            if (closed) {
                ++ghostChecksWhileClosed;
                if (compliant) ++ghostCompliantWhileClosed;
            }
            if (ghostGenerationAtRecord[entry.subject][entry.policyId] < ghostValidFromGeneration) {
                ++ghostChecksOfVoidedRecords;
                if (compliant) ++ghostVoidedRecordCompliant;
            }
            uint256 credentialExpiresAt = ghostCredentialExpiryAtRecord[entry.subject][entry.policyId];
            if (
                credentialExpiresAt != 0 && ghostRegisteredAsDocumentAtRecord[entry.subject][entry.policyId]
                    && credentialExpiresAt <= block.timestamp
            ) {
                ++ghostChecksPastCredentialExpiry;
                if (compliant) ++ghostCompliantPastCredentialExpiry;
            }
        }
    }

    function toggleIssuer() external opensRun {
        vm.startPrank(admin);
        if (verifier.isTrustedIssuer(issuerKeyHash)) verifier.removeIssuer(issuerKeyHash);
        else verifier.addIssuer(issuerKeyHash, revoker);
        vm.stopPrank();
    }

    function revokeCredential(uint256 proofSeed, uint256 actorSeed, bool byRevoker) external opensRun {
        FixtureProof memory entry = proofs[_bound(proofSeed, 0, proofs.length - 1)];
        vm.prank(byRevoker ? revoker : _actor(actorSeed));
        try verifier.revokeCredential(entry.proof.issuerKeyHash, entry.proof.nullifier) {} catch {}
    }

    function setValidity(uint256 proofSeed, uint32 validity) external opensRun {
        FixtureProof memory entry = proofs[_bound(proofSeed, 0, proofs.length - 1)];
        IProofXVerifier.Policy memory policy = verifier.getPolicy(entry.policyId);
        uint32 validityPeriod = uint32(_bound(validity, 1, 60 days));
        vm.prank(admin);
        verifier.setPolicy(entry.policyId, policy.policyHash, validityPeriod, policy.active);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    /// @dev The first action of every run (the handler's storage is reset with the EVM state before each run) first
    /// submits fixture 0 by its subject from the state setUp left, through the same path as {submit}. So every run has
    /// a real record for the invariants to check, and afterInvariant fails a run in which even that was refused (a
    /// handler that sends wrong, stale fixtures, a contract or verifier that accepts nothing).
    modifier opensRun() {
        if (!opened) {
            opened = true;
            _submit(proofs[0], proofs[0].subject, false);
        }
        _;
    }

    function _submit(FixtureProof memory entry, address sender, bool corrupt) internal {
        IProofXVerifier.ProofXProof memory proof = entry.proof;
        if (corrupt) proof.a[1] = proof.a[1] == 0 ? 0 : FIELD_Q - proof.a[1];

        bool paused = verifier.paused();
        bytes32 before = keccak256(abi.encode(verifier.getComplianceRecord(entry.subject, entry.policyId)));
        vm.prank(sender);
        try verifier.submitProof(entry.policyId, entry.subject, proof) returns (bool verified) {
            if (everRevokedSigner[sender] && sender != entry.subject) ++ghostRevokedSignerSubmissions;
            if (verified) {
                ++ghostAccepted;
                ghostHasRecord[entry.subject][entry.policyId] = true;
                ghostRecordedAt[entry.subject][entry.policyId] = block.timestamp;
                ghostProofTimestamp[entry.subject][entry.policyId] = proof.timestamp;
                ghostValidityAtRecord[entry.subject][entry.policyId] = verifier.getPolicy(entry.policyId).validityPeriod;
                ghostGenerationAtRecord[entry.subject][entry.policyId] = verifier.verifierGeneration();
                ghostCredentialExpiryAtRecord[entry.subject][entry.policyId] = entry.credentialExpiresAt;
                ghostRegisteredAsDocumentAtRecord[entry.subject][entry.policyId] = registeredAsDocument(entry.policyId);
            }
        } catch {}
        bytes32 afterwards = keccak256(abi.encode(verifier.getComplianceRecord(entry.subject, entry.policyId)));
        if (paused && before != afterwards) ++ghostRecordChangedWhilePaused;
    }

    uint256 internal constant FIELD_Q = 21888242871839275222246405745257275088696311157297823662689037894645226208583;

    /// @dev The handler's model of who administers each role (not read from the contract, so a change there fails
    /// the invariant): UPGRADER_ROLE administers itself, the admin role the others.
    function _roleAdmin(bytes32 role) internal view returns (bytes32) {
        return role == verifier.UPGRADER_ROLE() ? verifier.UPGRADER_ROLE() : verifier.DEFAULT_ADMIN_ROLE();
    }

    function _recordHashes(IProofXVerifier.ProofSubmission[] memory entries)
        internal
        view
        returns (bytes32[] memory h)
    {
        h = new bytes32[](entries.length);
        for (uint256 i; i < entries.length; ++i) {
            h[i] = keccak256(abi.encode(verifier.getComplianceRecord(entries[i].subject, entries[i].policyId)));
        }
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[_bound(seed, 0, actors.length - 1)];
    }
}
