// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {stdJson} from "forge-std/StdJson.sol";
import {IProofXVerifier} from "../../src/interfaces/IProofXVerifier.sol";
import {BatchBase} from "../utils/BatchBase.t.sol";
import {ProofXVerifierHandler} from "./handlers/ProofXVerifierHandler.sol";

/// @dev Invariants of ProofXVerifier under random sequences of handler actions, with the batch verifier installed.
contract ProofXVerifierInvariantTest is BatchBase {
    using stdJson for string;

    ProofXVerifierHandler internal handler;

    function setUp() public override {
        super.setUp();
        vm.startPrank(admin);
        // Wide enough that the fixture proofs stay submittable for a while as the handler moves time on.
        verifier.setMaxProofAge(15 days);
        verifier.addIssuer(otherIssuerKeyHash, revoker);
        vm.stopPrank();

        handler = new ProofXVerifierHandler(verifier, admin, issuerKeyHash, revoker);
        // The last one's credential expires exactly when its record would end (30 days): the tight case.
        string[7] memory names = [
            "accredited",
            "accreditedBob",
            "retail",
            "accreditedOld",
            "accreditedRenewal",
            "accreditedOtherIssuer",
            "accreditedCredentialEndsWithRecord"
        ];
        for (uint256 i; i < names.length; ++i) {
            (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture(names[i]);
            string memory expiryKey = string.concat(".credentialExpiresAt.", names[i]);
            uint256 credentialExpiresAt = vm.keyExistsJson(fixtures, expiryKey) ? fixtures.readUint(expiryKey) : 0;
            handler.addProof(proof, policyId, subject, credentialExpiresAt);
        }
        address[6] memory actors = [admin, signer, makeAddr("signer2"), stranger, alice, bob];
        for (uint256 i; i < actors.length; ++i) {
            handler.addActor(actors[i]);
        }
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](16);
        selectors[0] = ProofXVerifierHandler.submit.selector;
        selectors[1] = ProofXVerifierHandler.warp.selector;
        selectors[2] = ProofXVerifierHandler.grantRole.selector;
        selectors[3] = ProofXVerifierHandler.revokeRole.selector;
        selectors[4] = ProofXVerifierHandler.pause.selector;
        selectors[5] = ProofXVerifierHandler.unpause.selector;
        selectors[6] = ProofXVerifierHandler.toggleIssuer.selector;
        selectors[7] = ProofXVerifierHandler.revokeCredential.selector;
        selectors[8] = ProofXVerifierHandler.setValidity.selector;
        selectors[9] = ProofXVerifierHandler.submit.selector; // twice: submissions are what the invariants are about
        selectors[10] = ProofXVerifierHandler.submitBatch.selector;
        selectors[11] = ProofXVerifierHandler.toggleGates.selector;
        selectors[12] = ProofXVerifierHandler.swapVerifier.selector;
        selectors[13] = ProofXVerifierHandler.checkGates.selector;
        selectors[14] = ProofXVerifierHandler.submit.selector; // a third time, so time and pauses rarely starve a run
        selectors[15] = ProofXVerifierHandler.checkGates.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev Only a role's admin changes it (UPGRADER_ROLE: only upgraders, so never the admin alone): every role
    /// matches the handler's model, which only follows calls by holders of the role's admin role.
    function invariant_rolesOnlyChangeByAdmins() public view {
        for (uint256 a; a < handler.actorCount(); ++a) {
            address account = handler.actors(a);
            for (uint256 r; r < handler.roleCount(); ++r) {
                bytes32 role = handler.roles(r);
                assertEq(verifier.hasRole(role, account), handler.expectedRole(role, account));
            }
        }
        assertTrue(verifier.hasRole(verifier.DEFAULT_ADMIN_ROLE(), admin));
    }

    /// @dev Paused means no compliance record changes.
    function invariant_pausedMeansNoRecordChange() public view {
        assertEq(handler.ghostRecordChangedWhilePaused(), 0);
    }

    /// @dev A record lasts exactly the validity in force when it was written, counted from the proof's timestamp, so
    /// never beyond that block + validity.
    function invariant_recordsNeverOutliveValidity() public view {
        for (uint256 i; i < handler.proofCount(); ++i) {
            (address subject, uint256 policyId) = handler.proofAt(i);
            IProofXVerifier.ComplianceRecord memory record = verifier.getComplianceRecord(subject, policyId);
            if (record.expiresAt == 0) continue;
            uint256 validity = handler.ghostValidityAtRecord(subject, policyId);
            assertEq(record.expiresAt, handler.ghostProofTimestamp(subject, policyId) + validity);
            assertLe(record.expiresAt, handler.ghostRecordedAt(subject, policyId) + validity);
            if (verifier.isCompliant(subject, policyId)) assertGt(record.expiresAt, block.timestamp);
        }
    }

    /// @dev A signer whose role was revoked never gets a submission through for someone else.
    function invariant_revokedSignerNeverSubmits() public view {
        assertEq(handler.ghostRevokedSignerSubmissions(), 0);
    }

    /// @dev A batch entry's outcome is exactly submitProof's for the same entry in the same state.
    function invariant_batchAgreesWithSubmitProof() public view {
        assertEq(handler.ghostBatchDisagreements(), 0);
        assertLe(handler.ghostBatchAccepted(), handler.ghostBatchEntries());
    }

    /// @dev Every record in state was written by a submission the handler saw accepted, and every accepted
    /// submission's record is in state: the record invariants look at what really happened.
    function invariant_recordsMatchAcceptedSubmissions() public view {
        uint256 records;
        for (uint256 i; i < handler.proofCount(); ++i) {
            (address subject, uint256 policyId) = handler.proofAt(i);
            bool hasRecord = verifier.getComplianceRecord(subject, policyId).expiresAt != 0;
            assertEq(hasRecord, handler.ghostHasRecord(subject, policyId));
            if (hasRecord && _firstWithKey(i)) ++records;
        }
        assertLe(records, handler.ghostAccepted());
    }

    /// @dev No record counts at or past its expiresAt.
    function invariant_nothingCountsPastExpiry() public view {
        assertEq(handler.ghostCompliantPastExpiry(), 0);
        for (uint256 i; i < handler.proofCount(); ++i) {
            (address subject, uint256 policyId) = handler.proofAt(i);
            if (verifier.getComplianceRecord(subject, policyId).expiresAt <= block.timestamp) {
                assertFalse(verifier.isCompliant(subject, policyId));
            }
        }
    }

    /// @dev No record counts at or past the expiry of the credential it was proven from (circuit v2 proves
    /// timestamp + validityPeriod <= credential expiry), as long as the policy is registered as its document says (the
    /// hash commits the period; the contract cannot check that pair, see ProofXVerifier's NatSpec).
    function invariant_nothingCountsPastCredentialExpiry() public view {
        assertEq(handler.ghostCompliantPastCredentialExpiry(), 0);
        for (uint256 i; i < handler.proofCount(); ++i) {
            (address subject, uint256 policyId) = handler.proofAt(i);
            uint256 credentialExpiresAt = handler.ghostCredentialExpiryAtRecord(subject, policyId);
            if (credentialExpiresAt == 0 || !handler.ghostRegisteredAsDocumentAtRecord(subject, policyId)) continue;
            assertLe(verifier.getComplianceRecord(subject, policyId).expiresAt, credentialExpiresAt);
            if (verifier.isCompliant(subject, policyId)) assertLt(block.timestamp, credentialExpiresAt);
        }
    }

    /// @dev Whether fixture `index` is the first with its (subject, policy) (several fixtures renew one record).
    function _firstWithKey(uint256 index) internal view returns (bool) {
        (address subject, uint256 policyId) = handler.proofAt(index);
        for (uint256 j; j < index; ++j) {
            (address otherSubject, uint256 otherPolicyId) = handler.proofAt(j);
            if (otherSubject == subject && otherPolicyId == policyId) return false;
        }
        return true;
    }

    /// @dev After every run: at least one submission was accepted, so the invariants above were checked against real
    /// records and not vacuously against an empty state.
    function afterInvariant() public view {
        assertGt(handler.ghostAccepted(), 0, "no submission was accepted in this run");
    }

    /// @dev Nothing counts while the gates are closed.
    function invariant_nothingCountsWhileGatesClosed() public view {
        assertEq(handler.ghostCompliantWhileClosed(), 0);
        if (!verifier.gatesClosed()) return;
        for (uint256 i; i < handler.proofCount(); ++i) {
            (address subject, uint256 policyId) = handler.proofAt(i);
            assertFalse(verifier.isCompliant(subject, policyId));
        }
    }

    /// @dev No record of a voided verifier generation counts; the contract's generations follow the handler's model.
    function invariant_noVoidedGenerationCounts() public view {
        assertEq(handler.ghostVoidedRecordCompliant(), 0);
        assertEq(verifier.validFromGeneration(), handler.ghostValidFromGeneration());
        for (uint256 i; i < handler.proofCount(); ++i) {
            (address subject, uint256 policyId) = handler.proofAt(i);
            IProofXVerifier.ComplianceRecord memory record = verifier.getComplianceRecord(subject, policyId);
            if (record.expiresAt == 0) continue;
            assertEq(record.verifierGeneration, handler.ghostGenerationAtRecord(subject, policyId));
            if (verifier.isCompliant(subject, policyId)) {
                assertGe(record.verifierGeneration, verifier.validFromGeneration());
            }
        }
    }

    /// @dev The expiry counters are reachable: a record whose validity ran out is looked at, and does not count.
    function test_handler_checksExpiredRecords() public {
        handler.setValidity(0, 1);
        handler.submit(0, 0, true, 1);
        assertEq(handler.ghostAccepted(), 2); // the run's opening submission and this one
        handler.warp(1 days);
        handler.checkGates();
        assertGt(handler.ghostChecksPastExpiry(), 0);
        assertEq(handler.ghostCompliantPastExpiry(), 0);
        invariant_nothingCountsPastExpiry();
        invariant_recordsMatchAcceptedSubmissions();
        afterInvariant();
    }

    /// @dev The credential-expiry counters are reachable: the record of a credential that ends with it is looked at
    /// once the credential has expired, and does not count.
    function test_handler_checksCredentialExpiry() public {
        uint256 tight = handler.proofCount() - 1; // accreditedCredentialEndsWithRecord
        (address subject,) = handler.proofAt(tight);
        handler.submit(tight, 0, true, 1);
        assertEq(handler.ghostAccepted(), 2); // the run's opening submission and this one
        assertGt(handler.ghostCredentialExpiryAtRecord(subject, accreditedPolicyId), 0);
        assertTrue(handler.ghostRegisteredAsDocumentAtRecord(subject, accreditedPolicyId));
        invariant_nothingCountsPastCredentialExpiry();
        for (uint256 i; i < 6; ++i) {
            handler.warp(5 days); // 30 days: the credential's expiry, and the record's end
        }
        handler.checkGates();
        assertGt(handler.ghostChecksPastCredentialExpiry(), 0);
        assertEq(handler.ghostCompliantPastCredentialExpiry(), 0);
        invariant_nothingCountsPastCredentialExpiry();
    }

    /// @dev The ghost counters the invariants assert are reachable: the handler really checks records while the gates
    /// are closed and records of voided generations (a handler that never got there would make them pass vacuously).
    function test_handler_checksClosedGatesAndVoidedRecords() public {
        handler.submit(0, 0, true, 1);
        assertEq(handler.ghostAccepted(), 2); // the run's opening submission and this one
        handler.toggleGates(0); // actor 0 is the admin, a pauser
        assertTrue(verifier.gatesClosed());
        handler.checkGates();
        assertGt(handler.ghostChecksWhileClosed(), 0);
        assertEq(handler.ghostCompliantWhileClosed(), 0);
        handler.toggleGates(0);
        handler.swapVerifier(0, true, true);
        assertEq(handler.ghostVoids(), 1);
        handler.checkGates();
        assertGt(handler.ghostChecksOfVoidedRecords(), 0);
        assertEq(handler.ghostVoidedRecordCompliant(), 0);
        invariant_nothingCountsWhileGatesClosed();
        invariant_noVoidedGenerationCounts();
    }
}
