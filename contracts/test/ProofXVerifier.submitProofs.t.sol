// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Vm} from "forge-std/Vm.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {IProofXVerifier} from "../src/interfaces/IProofXVerifier.sol";
import {Groth16BatchVerifierHarness} from "./mocks/Groth16BatchVerifierHarness.sol";
import {BatchBase} from "./utils/BatchBase.t.sol";

/// @dev submitProofs with real proofs: batches of 1 to 32, invalid proofs among valid ones, crafted cancellations,
/// duplicates, entries that fail the checks before the pairing, and the batch-level guards.
contract ProofXVerifierSubmitProofsTest is BatchBase {
    function _assertRecorded(IProofXVerifier.ProofSubmission memory entry) internal view {
        assertTrue(verifier.isCompliant(entry.subject, entry.policyId), "not compliant");
        IProofXVerifier.ComplianceRecord memory record = verifier.getComplianceRecord(entry.subject, entry.policyId);
        assertEq(record.expiresAt, entry.proof.timestamp + VALIDITY);
        assertEq(record.issuerId, 1);
        assertEq(record.nullifierTag, uint184(entry.proof.nullifier));
    }

    function _assertNotRecorded(IProofXVerifier.ProofSubmission memory entry) internal view {
        assertEq(verifier.getComplianceRecord(entry.subject, entry.policyId).expiresAt, 0, "recorded");
        assertFalse(verifier.isCompliant(entry.subject, entry.policyId));
    }

    /// @dev The ProofVerified results in the logs, in order.
    function _verifiedEvents(Vm.Log[] memory logs) internal pure returns (bool[] memory results, uint256 count) {
        results = new bool[](logs.length);
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] != IProofXVerifier.ProofVerified.selector) continue;
            (, bool success) = abi.decode(logs[i].data, (uint256, bool));
            results[count++] = success;
        }
    }

    // --- valid batches -----------------------------------------------------------------------------------------------

    function test_submitProofs_recordsEveryEntryOfBatchesFrom1To32() public {
        for (uint256 n = 1; n <= BATCH_FIXTURES; ++n) {
            uint256 snapshot = vm.snapshotState();
            IProofXVerifier.ProofSubmission[] memory entries = _batch(n);
            vm.recordLogs();
            bool[] memory verified = _submitBatch(entries);
            (bool[] memory events, uint256 eventCount) = _verifiedEvents(vm.getRecordedLogs());
            assertEq(verified.length, n);
            assertEq(eventCount, n);
            for (uint256 i; i < n; ++i) {
                assertTrue(verified[i]);
                assertTrue(events[i]);
                _assertRecorded(entries[i]);
            }
            vm.revertToState(snapshot);
        }
    }

    function test_submitProofs_emitsProofVerifiedPerEntryInOrder() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(3);
        for (uint256 i; i < 3; ++i) {
            vm.expectEmit(FIXTURE_VERIFIER);
            emit IProofXVerifier.ProofVerified(
                entries[i].subject, signer, entries[i].policyId, entries[i].proof.nullifier, true
            );
        }
        _submitBatch(entries);
    }

    function test_submitProofs_recordsIfSentBySubjectForItself() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(1);
        vm.prank(entries[0].subject);
        assertTrue(verifier.submitProofs(entries)[0]);
        _assertRecorded(entries[0]);
    }

    function test_submitProofs_checksEachProofAloneIfNoBatchVerifier() public {
        vm.prank(admin);
        verifier.setBatchVerifier(address(0));
        IProofXVerifier.ProofSubmission[] memory entries = _batch(4);
        entries[2].proof.a = _negateG1(entries[2].proof.a);
        bool[] memory verified = _submitBatch(entries);
        for (uint256 i; i < 4; ++i) {
            assertEq(verified[i], i != 2);
        }
        _assertNotRecorded(entries[2]);
        _assertRecorded(entries[3]);
    }

    // --- invalid proofs cost only themselves -------------------------------------------------------------------------

    function test_submitProofs_recordsOthersIfOneProofInvalid() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(8);
        entries[5].proof.c = _g1Add(entries[5].proof.c, [G1_X, G1_Y]);
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.ProofVerified(
            entries[5].subject, signer, entries[5].policyId, entries[5].proof.nullifier, false
        );
        bool[] memory verified = _submitBatch(entries);
        for (uint256 i; i < 8; ++i) {
            assertEq(verified[i], i != 5);
            if (i == 5) _assertNotRecorded(entries[i]);
            else _assertRecorded(entries[i]);
        }
    }

    function test_submitProofs_recordsOthersIfSeveralProofsInvalid() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(16);
        entries[0].proof.a = _negateG1(entries[0].proof.a); // first
        entries[7].proof.b = _negateG2(entries[7].proof.b);
        entries[8].proof.nullifier += 1; // a signal the proof was not made for
        entries[15].proof.timestamp -= 1; // last
        vm.recordLogs();
        bool[] memory verified = _submitBatch(entries);
        (bool[] memory events, uint256 eventCount) = _verifiedEvents(vm.getRecordedLogs());
        assertEq(eventCount, 16);
        for (uint256 i; i < 16; ++i) {
            bool bad = i == 0 || i == 7 || i == 8 || i == 15;
            assertEq(verified[i], !bad);
            assertEq(events[i], !bad);
            if (bad) _assertNotRecorded(entries[i]);
            else _assertRecorded(entries[i]);
        }
    }

    function test_submitProofs_rejectsAllIfEveryProofInvalid() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(4);
        for (uint256 i; i < 4; ++i) {
            entries[i].proof.a = _negateG1(entries[i].proof.a);
        }
        bool[] memory verified = _submitBatch(entries);
        for (uint256 i; i < 4; ++i) {
            assertFalse(verified[i]);
            _assertNotRecorded(entries[i]);
        }
    }

    /// @dev A point off the curve makes a precompile fail, and a failing precompile consumes all gas it was given:
    /// bounded gas per call keeps the others' checks affordable, so the batch settles within a modest gas limit.
    function test_submitProofs_recordsOthersIfPointNotOnCurve() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(8);
        entries[3].proof.a = [uint256(1), uint256(3)];
        entries[6].proof.b = [[uint256(1), uint256(2)], [uint256(3), uint256(4)]];
        vm.prank(signer);
        bool[] memory verified = verifier.submitProofs{gas: 4_000_000}(entries);
        for (uint256 i; i < 8; ++i) {
            assertEq(verified[i], i != 3 && i != 6);
        }
        _assertRecorded(entries[7]);
    }

    /// @dev C_1 + D and C_2 - D: each proof is invalid, but with coefficients 1 the errors cancel (sum r_i C_i is
    /// unchanged). The harness shows a batch check with fixed coefficients would accept them.
    function test_submitProofs_refusesPairCraftedToCancelIfCoefficientsWereOne() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(2);
        uint256[2] memory d = [G1_X, G1_Y];
        entries[0].proof.c = _g1Add(entries[0].proof.c, d);
        entries[1].proof.c = _g1Add(entries[1].proof.c, _negateG1(d));

        Groth16BatchVerifierHarness harness = new Groth16BatchVerifierHarness();
        uint256[] memory ones = new uint256[](2);
        ones[0] = 1;
        ones[1] = 1;
        assertTrue(harness.verifyWithCoefficients(_verifierInput(entries), ones), "the crafted pair must cancel");
        assertFalse(harness.verifyProofs(_verifierInput(entries)));

        bool[] memory verified = _submitBatch(entries);
        assertFalse(verified[0]);
        assertFalse(verified[1]);
        _assertNotRecorded(entries[0]);
        _assertNotRecorded(entries[1]);
    }

    /// @dev The attacker predicts the coefficients (r_1, r_2) as the valid batch would get them and tampers
    /// C_1 + r_2 D, C_2 - r_1 D, so r_1 dC_1 + r_2 dC_2 = 0. Coefficients known before the proofs are final would
    /// accept; ours are taken from the tampered batch, so they change and the batch is refused.
    function test_submitProofs_refusesPairCraftedAgainstPredictedCoefficients() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(2);
        Groth16BatchVerifierHarness harness = new Groth16BatchVerifierHarness();
        uint256[] memory predicted = harness.batchCoefficients(_verifierInput(entries));
        uint256[2] memory d = [G1_X, G1_Y];
        entries[0].proof.c = _g1Add(entries[0].proof.c, _g1Mul(d, predicted[1]));
        entries[1].proof.c = _g1Add(entries[1].proof.c, _negateG1(_g1Mul(d, predicted[0])));

        assertTrue(harness.verifyWithCoefficients(_verifierInput(entries), predicted), "must cancel under predicted");
        uint256[] memory actual = harness.batchCoefficients(_verifierInput(entries));
        assertTrue(actual[0] != predicted[0] && actual[1] != predicted[1], "coefficients must follow the proofs");

        bool[] memory verified = _submitBatch(entries);
        assertFalse(verified[0]);
        assertFalse(verified[1]);
        _assertNotRecorded(entries[0]);
        _assertNotRecorded(entries[1]);
    }

    /// @dev The same entry twice is two submissions of one proof: both verify, one record, two events.
    function test_submitProofs_recordsOnceIfEntryDuplicated() public {
        IProofXVerifier.ProofSubmission[] memory entries = new IProofXVerifier.ProofSubmission[](3);
        entries[0] = _batchEntry(4);
        entries[1] = _batchEntry(5);
        entries[2] = _batchEntry(4);
        vm.recordLogs();
        bool[] memory verified = _submitBatch(entries);
        (, uint256 eventCount) = _verifiedEvents(vm.getRecordedLogs());
        assertEq(eventCount, 3);
        assertTrue(verified[0] && verified[1] && verified[2]);
        _assertRecorded(entries[0]);
    }

    /// @dev An invalid proof duplicated gets two different coefficients (they depend on the position), so the copies
    /// cannot cancel each other either.
    function test_submitProofs_rejectsBothIfInvalidEntryDuplicated() public {
        IProofXVerifier.ProofSubmission[] memory entries = new IProofXVerifier.ProofSubmission[](3);
        entries[0] = _batchEntry(1);
        entries[0].proof.c = _g1Add(entries[0].proof.c, [G1_X, G1_Y]);
        entries[1] = entries[0];
        entries[2] = _batchEntry(2);
        uint256[] memory coefficients = new Groth16BatchVerifierHarness().batchCoefficients(_verifierInput(entries));
        assertNotEq(coefficients[0], coefficients[1]);
        bool[] memory verified = _submitBatch(entries);
        assertFalse(verified[0]);
        assertFalse(verified[1]);
        assertTrue(verified[2]);
        _assertNotRecorded(entries[0]);
    }

    function test_submitProofs_keepsEarlierRecordIfLaterDuplicateInvalid() public {
        IProofXVerifier.ProofSubmission[] memory entries = new IProofXVerifier.ProofSubmission[](2);
        entries[0] = _batchEntry(0);
        entries[1] = _batchEntry(0);
        entries[1].proof.a = _negateG1(entries[1].proof.a);
        bool[] memory verified = _submitBatch(entries);
        assertTrue(verified[0]);
        assertFalse(verified[1]);
        _assertRecorded(entries[0]);
    }

    // --- entries failing a check before the pairing: skipped with SubmissionRejected ----------------------------------

    function _assertSkipped(
        IProofXVerifier.ProofSubmission[] memory entries,
        uint256 bad,
        bytes memory reason,
        address sender
    ) internal {
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.SubmissionRejected(
            entries[bad].subject, sender, entries[bad].policyId, entries[bad].proof.nullifier, reason
        );
        vm.recordLogs();
        vm.prank(sender);
        bool[] memory verified = verifier.submitProofs(entries);
        (, uint256 eventCount) = _verifiedEvents(vm.getRecordedLogs());
        assertEq(eventCount, entries.length - 1, "the rejected entry emits no ProofVerified");
        for (uint256 i; i < entries.length; ++i) {
            assertEq(verified[i], i != bad);
            if (i == bad) _assertNotRecorded(entries[i]);
            else _assertRecorded(entries[i]);
        }
    }

    function test_submitProofs_skipsEntryIfSentByOtherAddress() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(3);
        // The subject of entry 1 sends: it may submit for itself, not for the others.
        address sender = entries[1].subject;
        vm.recordLogs();
        vm.prank(sender);
        bool[] memory verified = verifier.submitProofs(entries);
        assertEq(verified[0], false);
        assertEq(verified[1], true);
        assertEq(verified[2], false);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 rejected;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] != IProofXVerifier.SubmissionRejected.selector) continue;
            (, bytes memory reason) = abi.decode(logs[i].data, (uint256, bytes));
            assertEq(
                reason,
                abi.encodeWithSelector(
                    IProofXVerifier.ProofXVerifierUnauthorizedSubmitter.selector,
                    sender,
                    address(uint160(uint256(logs[i].topics[1])))
                )
            );
            ++rejected;
        }
        assertEq(rejected, 2);
        _assertRecorded(entries[1]);
    }

    function test_submitProofs_skipsEntryIfPolicyInactive() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(3);
        entries[1].policyId = 99;
        _assertSkipped(
            entries, 1, abi.encodeWithSelector(IProofXVerifier.ProofXVerifierPolicyInactive.selector, 99), signer
        );
    }

    function test_submitProofs_skipsEntryIfIssuerNotTrusted() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(3);
        entries[2].proof.issuerKeyHash = otherIssuerKeyHash;
        _assertSkipped(
            entries,
            2,
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierIssuerNotTrusted.selector, otherIssuerKeyHash),
            signer
        );
    }

    function test_submitProofs_skipsEntryIfCredentialRevoked() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(3);
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, entries[0].proof.nullifier);
        _assertSkipped(
            entries,
            0,
            abi.encodeWithSelector(
                IProofXVerifier.ProofXVerifierCredentialRevoked.selector, issuerKeyHash, entries[0].proof.nullifier
            ),
            signer
        );
    }

    function test_submitProofs_skipsEntryIfNullifierOutOfField() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(3);
        entries[1].proof.nullifier += SNARK_SCALAR_FIELD;
        _assertSkipped(
            entries,
            1,
            abi.encodeWithSelector(
                IProofXVerifier.ProofXVerifierSignalOutOfField.selector, 1, entries[1].proof.nullifier
            ),
            signer
        );
    }

    function test_submitProofs_skipsEntryIfTimestampInFuture() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(3);
        entries[1].proof.timestamp = fixtureNow + 1;
        _assertSkipped(
            entries,
            1,
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierProofFromFuture.selector, fixtureNow + 1, fixtureNow),
            signer
        );
    }

    function test_submitProofs_skipsEntryIfProofTooOld() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(3);
        entries[1].proof.timestamp = fixtureNow - MAX_PROOF_AGE - 1;
        _assertSkipped(
            entries,
            1,
            abi.encodeWithSelector(
                IProofXVerifier.ProofXVerifierProofTooOld.selector,
                fixtureNow - MAX_PROOF_AGE - 1,
                fixtureNow - MAX_PROOF_AGE
            ),
            signer
        );
    }

    function test_submitProofs_emitsOneEventPerEntryInEntryOrder() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(4);
        entries[0].policyId = 99; // rejected before the pairing
        entries[2].proof.a = _negateG1(entries[2].proof.a); // invalid proof
        vm.recordLogs();
        _submitBatch(entries);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(logs.length, 4);
        assertEq(logs[0].topics[0], IProofXVerifier.SubmissionRejected.selector);
        assertEq(logs[1].topics[0], IProofXVerifier.ProofVerified.selector);
        assertEq(logs[2].topics[0], IProofXVerifier.ProofVerified.selector);
        assertEq(logs[3].topics[0], IProofXVerifier.ProofVerified.selector);
        for (uint256 i; i < 4; ++i) {
            assertEq(address(uint160(uint256(logs[i].topics[1]))), entries[i].subject);
        }
        (, bool success) = abi.decode(logs[2].data, (uint256, bool));
        assertFalse(success);
    }

    function test_submitProofs_recordsNothingIfEveryEntrySkipped() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(2);
        vm.prank(stranger);
        bool[] memory verified = verifier.submitProofs(entries);
        assertFalse(verified[0] || verified[1]);
        _assertNotRecorded(entries[0]);
        _assertNotRecorded(entries[1]);
    }

    function test_submitProofs_skipsEveryEntryIfSignerRoleRevoked() public {
        vm.startPrank(admin);
        verifier.revokeRole(verifier.SIGNER_ROLE(), signer);
        vm.stopPrank();
        bool[] memory verified = _submitBatch(_batch(2));
        assertFalse(verified[0] || verified[1]);
    }

    // --- batch-level guards ------------------------------------------------------------------------------------------

    function test_submitProofs_revertsIfPaused() public {
        vm.prank(admin);
        verifier.pause();
        IProofXVerifier.ProofSubmission[] memory entries = _batch(2);
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        vm.prank(signer);
        verifier.submitProofs(entries);
    }

    function test_submitProofs_revertsIfEmpty() public {
        IProofXVerifier.ProofSubmission[] memory entries = new IProofXVerifier.ProofSubmission[](0);
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierInvalidBatchSize.selector, 0, 64));
        vm.prank(signer);
        verifier.submitProofs(entries);
    }

    function test_submitProofs_revertsIfLongerThanMaxBatchSize() public {
        IProofXVerifier.ProofSubmission[] memory entries = new IProofXVerifier.ProofSubmission[](65);
        for (uint256 i; i < 65; ++i) {
            entries[i] = _batchEntry(i % BATCH_FIXTURES);
        }
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierInvalidBatchSize.selector, 65, 64));
        vm.prank(signer);
        verifier.submitProofs(entries);
    }

    function test_submitProofs_acceptsMaxBatchSize() public {
        IProofXVerifier.ProofSubmission[] memory entries = new IProofXVerifier.ProofSubmission[](64);
        for (uint256 i; i < 64; ++i) {
            entries[i] = _batchEntry(i % BATCH_FIXTURES);
        }
        bool[] memory verified = _submitBatch(entries);
        for (uint256 i; i < 64; ++i) {
            assertTrue(verified[i]);
        }
    }

    function test_submitProofs_revertsIfGasBelowBatchFloor() public {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(8);
        vm.prank(signer);
        vm.expectPartialRevert(IProofXVerifier.ProofXVerifierInsufficientGas.selector);
        verifier.submitProofs{gas: 500_000}(entries);
    }

    /// @dev Whatever gas limit is picked, valid proofs either verify or the call reverts: never reported invalid.
    function testFuzz_submitProofs_neverReportsValidProofsInvalidIfGasShort(uint256 gasLimit) public {
        gasLimit = bound(gasLimit, 100_000, 1_500_000);
        IProofXVerifier.ProofSubmission[] memory entries = _batch(4);
        vm.prank(signer);
        try verifier.submitProofs{gas: gasLimit}(entries) returns (bool[] memory verified) {
            for (uint256 i; i < 4; ++i) {
                assertTrue(verified[i]);
            }
        } catch (bytes memory reason) {
            if (reason.length > 0) assertEq(bytes4(reason), IProofXVerifier.ProofXVerifierInsufficientGas.selector);
        }
    }
}
