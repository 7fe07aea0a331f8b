// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IProofXVerifier} from "../src/interfaces/IProofXVerifier.sol";
import {Base} from "./utils/Base.t.sol";

/// @dev Fuzz tests over proof points, public signals, senders and time, around the real fixture proofs.
contract ProofXVerifierFuzzTest is Base {
    function _assertNoRecord(address subject, uint256 policyId) internal view {
        assertEq(verifier.getComplianceRecord(subject, policyId).expiresAt, 0);
        assertFalse(verifier.isCompliant(subject, policyId));
    }

    function testFuzz_submitProof_returnsFalseIfProofPointsRandom(uint256[8] memory points) public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        proof.a = [points[0], points[1]];
        proof.b = [[points[2], points[3]], [points[4], points[5]]];
        proof.c = [points[6], points[7]];
        vm.prank(subject);
        assertFalse(verifier.submitProof(policyId, subject, proof));
        _assertNoRecord(subject, policyId);
    }

    function testFuzz_submitProof_returnsFalseIfOnePointCoordinateChanged(uint8 index, uint256 value) public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        index = uint8(bound(index, 0, 7));
        uint256[8] memory flat = [
            proof.a[0], proof.a[1], proof.b[0][0], proof.b[0][1], proof.b[1][0], proof.b[1][1], proof.c[0], proof.c[1]
        ];
        vm.assume(value != flat[index]);
        flat[index] = value;
        proof.a = [flat[0], flat[1]];
        proof.b = [[flat[2], flat[3]], [flat[4], flat[5]]];
        proof.c = [flat[6], flat[7]];
        vm.prank(subject);
        assertFalse(verifier.submitProof(policyId, subject, proof));
        _assertNoRecord(subject, policyId);
    }

    function testFuzz_submitProof_returnsFalseIfNullifierChanged(uint256 nullifier) public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        nullifier = bound(nullifier, 0, SNARK_SCALAR_FIELD - 1);
        vm.assume(nullifier != proof.nullifier);
        proof.nullifier = nullifier;
        vm.prank(subject);
        assertFalse(verifier.submitProof(policyId, subject, proof));
        _assertNoRecord(subject, policyId);
    }

    function testFuzz_submitProof_returnsFalseIfIssuerKeyHashChanged(uint256 keyHash) public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        keyHash = bound(keyHash, 1, SNARK_SCALAR_FIELD - 1);
        vm.assume(keyHash != proof.issuerKeyHash);
        vm.prank(admin);
        verifier.addIssuer(keyHash, revoker);
        proof.issuerKeyHash = keyHash;
        vm.prank(subject);
        assertFalse(verifier.submitProof(policyId, subject, proof));
        _assertNoRecord(subject, policyId);
    }

    function testFuzz_submitProof_returnsFalseIfTimestampChanged(uint256 timestamp) public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        timestamp = bound(timestamp, fixtureNow - MAX_PROOF_AGE, fixtureNow);
        vm.assume(timestamp != proof.timestamp);
        proof.timestamp = timestamp;
        vm.prank(subject);
        assertFalse(verifier.submitProof(policyId, subject, proof));
        _assertNoRecord(subject, policyId);
    }

    function testFuzz_submitProof_returnsFalseIfSubjectChanged(address subject) public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address original) = _fixture("accredited");
        vm.assume(subject != original);
        vm.prank(signer);
        assertFalse(verifier.submitProof(policyId, subject, proof));
        _assertNoRecord(subject, policyId);
    }

    function testFuzz_submitProof_returnsFalseIfPolicyHashChanged(uint256 policyId, uint256 policyHash) public {
        (IProofXVerifier.ProofXProof memory proof,, address subject) = _fixture("accredited");
        policyHash = bound(policyHash, 1, SNARK_SCALAR_FIELD - 1);
        vm.assume(policyHash != accreditedPolicyHash);
        vm.prank(admin);
        verifier.setPolicy(policyId, policyHash, VALIDITY, true);
        vm.prank(subject);
        assertFalse(verifier.submitProof(policyId, subject, proof));
        _assertNoRecord(subject, policyId);
    }

    function testFuzz_submitProof_revertsIfSenderUnauthorized(address sender) public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.assume(sender != subject && sender != signer);
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierUnauthorizedSubmitter.selector, sender, subject)
        );
        vm.prank(sender);
        verifier.submitProof(policyId, subject, proof);
    }

    function testFuzz_submitProof_revertsIfTimestampInFuture(uint256 timestamp) public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        proof.timestamp = bound(timestamp, fixtureNow + 1, type(uint256).max);
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierProofFromFuture.selector, proof.timestamp, fixtureNow)
        );
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function testFuzz_submitProof_revertsIfProofTooOld(uint256 elapsed) public {
        elapsed = bound(elapsed, uint256(MAX_PROOF_AGE) + 1, 100 * 365 days);
        vm.warp(fixtureNow + elapsed);
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.expectRevert(
            abi.encodeWithSelector(
                IProofXVerifier.ProofXVerifierProofTooOld.selector, proof.timestamp, block.timestamp - MAX_PROOF_AGE
            )
        );
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function testFuzz_submitProof_acceptsIfWithinMaxProofAge(uint256 elapsed) public {
        elapsed = bound(elapsed, 0, MAX_PROOF_AGE);
        vm.warp(fixtureNow + elapsed);
        assertTrue(_submit("accredited"));
        // Validity counts from the proof's timestamp, not from the block: a late submission gains no time.
        assertEq(verifier.getComplianceRecord(alice, accreditedPolicyId).expiresAt, fixtureNow + VALIDITY);
    }

    function testFuzz_submitProof_revertsIfNullifierOutOfField(uint256 nullifier) public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        proof.nullifier = bound(nullifier, SNARK_SCALAR_FIELD, type(uint256).max);
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierSignalOutOfField.selector, 1, proof.nullifier)
        );
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function testFuzz_isCompliant_followsValidityPeriod(uint32 validity, uint256 elapsed) public {
        validity = uint32(bound(validity, 1, type(uint32).max));
        vm.prank(admin);
        verifier.setPolicy(accreditedPolicyId, accreditedPolicyHash, validity, true);
        assertTrue(_submit("accredited"));
        elapsed = bound(elapsed, 0, uint256(type(uint32).max) * 2);
        vm.warp(fixtureNow + elapsed);
        assertEq(verifier.isCompliant(alice, accreditedPolicyId), elapsed < validity);
    }

    function testFuzz_revokeCredential_onlyAffectsThatNullifier(uint256 nullifier) public {
        assertTrue(_submit("accredited"));
        nullifier = bound(nullifier, 0, SNARK_SCALAR_FIELD - 1);
        uint256 aliceNullifier = _fixtureSignals("accredited")[1];
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, nullifier);
        assertTrue(verifier.isRevoked(issuerKeyHash, nullifier));
        assertEq(verifier.isCompliant(alice, accreditedPolicyId), uint184(nullifier) != uint184(aliceNullifier));
    }

    function testFuzz_setPolicy_storesAnyValidPolicy(uint256 policyId, uint256 policyHash, uint32 validity, bool active)
        public
    {
        policyHash = bound(policyHash, 1, SNARK_SCALAR_FIELD - 1);
        validity = uint32(bound(validity, 1, type(uint32).max));
        vm.prank(admin);
        verifier.setPolicy(policyId, policyHash, validity, active);
        IProofXVerifier.Policy memory policy = verifier.getPolicy(policyId);
        assertEq(policy.policyHash, policyHash);
        assertEq(policy.validityPeriod, validity);
        assertEq(policy.active, active);
    }

    /// @dev Only PAUSER_ROLE accounts switch the gates, and while they are closed no record counts.
    function testFuzz_closeGates_revertsIfNotPauser(address caller) public {
        assertTrue(_submit("accredited"));
        bool isPauser = verifier.hasRole(verifier.PAUSER_ROLE(), caller);
        vm.prank(caller);
        if (!isPauser) vm.expectRevert();
        verifier.closeGates();
        assertEq(verifier.gatesClosed(), isPauser);
        assertEq(verifier.isCompliant(alice, accreditedPolicyId), !isPauser);
    }

    /// @dev Over any sequence of verifier swaps, a record counts iff no later swap voided earlier generations.
    function testFuzz_setVerifier_recordCountsIffNotVoided(bool[8] memory voids, uint8 recordAfter) public {
        recordAfter = uint8(bound(recordAfter, 0, voids.length));
        bool voidedSinceRecord;
        vm.startPrank(admin);
        for (uint256 i; i < voids.length; ++i) {
            if (i == recordAfter) {
                vm.stopPrank();
                assertTrue(_submit("accredited"));
                vm.startPrank(admin);
            }
            verifier.setVerifier(address(groth16), vkeyHash, voids[i]);
            if (i >= recordAfter && voids[i]) voidedSinceRecord = true;
        }
        vm.stopPrank();
        if (recordAfter == voids.length) assertTrue(_submit("accredited"));
        assertEq(verifier.verifierGeneration(), voids.length + 1);
        assertEq(verifier.isCompliant(alice, accreditedPolicyId), !voidedSinceRecord);
    }

    /// @dev Only UPGRADER_ROLE swaps the verifier, whatever the void flag.
    function testFuzz_setVerifier_revertsIfNotUpgrader(address caller, bool voidEarlier) public {
        vm.assume(!verifier.hasRole(verifier.UPGRADER_ROLE(), caller));
        vm.expectRevert();
        vm.prank(caller);
        verifier.setVerifier(address(groth16), vkeyHash, voidEarlier);
        assertEq(verifier.verifierGeneration(), 1);
    }
}
