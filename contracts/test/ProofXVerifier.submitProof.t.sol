// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {ProofXVerifier} from "../src/ProofXVerifier.sol";
import {IProofXVerifier} from "../src/interfaces/IProofXVerifier.sol";
import {Base} from "./utils/Base.t.sol";

/// @dev submitProof with the real fixture proofs: what verifies, what returns false, what reverts.
contract ProofXVerifierSubmitProofTest is Base {
    // --- valid proofs ------------------------------------------------------------------------------------------------

    function test_submitProof_recordsComplianceIfSentBySubject() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");

        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.ProofVerified(subject, subject, policyId, proof.nullifier, true);
        vm.prank(subject);
        assertTrue(verifier.submitProof(policyId, subject, proof));

        assertTrue(verifier.isCompliant(subject, policyId));
        IProofXVerifier.ComplianceRecord memory record = verifier.getComplianceRecord(subject, policyId);
        assertEq(record.expiresAt, proof.timestamp + VALIDITY);
        assertEq(record.issuerId, 1);
        assertEq(record.nullifierTag, uint184(proof.nullifier));
    }

    function test_submitProof_recordsComplianceIfSentBySigner() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");

        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.ProofVerified(subject, signer, policyId, proof.nullifier, true);
        vm.prank(signer);
        assertTrue(verifier.submitProof(policyId, subject, proof));
        assertTrue(verifier.isCompliant(subject, policyId));
    }

    function test_submitProof_recordsEachSubjectAndPolicySeparately() public {
        assertTrue(_submit("accredited"));
        assertFalse(verifier.isCompliant(bob, accreditedPolicyId));
        assertFalse(verifier.isCompliant(alice, retailPolicyId));

        assertTrue(_submit("accreditedBob"));
        assertTrue(_submit("retail"));
        assertTrue(verifier.isCompliant(bob, accreditedPolicyId));
        assertTrue(verifier.isCompliant(alice, retailPolicyId));
    }

    function test_submitProof_extendsRecordIfRenewed() public {
        assertTrue(_submit("accredited"));
        (IProofXVerifier.ProofXProof memory renewal,,) = _fixture("accreditedRenewal");
        vm.warp(renewal.timestamp);
        assertTrue(_submit("accreditedRenewal"));
        assertEq(verifier.getComplianceRecord(alice, accreditedPolicyId).expiresAt, renewal.timestamp + VALIDITY);
    }

    function test_submitProof_acceptsProofIfExactlyMaxProofAgeOld() public {
        vm.warp(fixtureNow + MAX_PROOF_AGE);
        assertTrue(_submit("accredited"));
    }

    function test_submitProof_acceptsProofOfTrustedSecondIssuer() public {
        vm.prank(admin);
        verifier.addIssuer(otherIssuerKeyHash, revoker);
        assertTrue(_submit("accreditedOtherIssuer"));
        assertEq(verifier.getComplianceRecord(alice, accreditedPolicyId).issuerId, 2);
    }

    /// @dev Negating both A and B gives another valid proof of the same statement (Groth16 is malleable). It records
    /// exactly what the original does, so it gains the submitter nothing.
    function test_submitProof_keepsSameRecordIfProofIsRerandomized() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.prank(subject);
        assertTrue(verifier.submitProof(policyId, subject, proof));
        IProofXVerifier.ComplianceRecord memory before = verifier.getComplianceRecord(subject, policyId);

        proof.a = _negateG1(proof.a);
        proof.b = _negateG2(proof.b);
        vm.warp(block.timestamp + 1 hours);
        vm.prank(subject);
        assertTrue(verifier.submitProof(policyId, subject, proof));
        IProofXVerifier.ComplianceRecord memory afterwards = verifier.getComplianceRecord(subject, policyId);
        assertEq(afterwards.expiresAt, before.expiresAt);
        assertEq(afterwards.nullifierTag, before.nullifierTag);
    }

    // --- invalid proofs from authorised senders: ProofVerified(false), no record -------------------------------------

    function _assertRejected(uint256 policyId, address subject, IProofXVerifier.ProofXProof memory proof) internal {
        _assertRejectedFrom(signer, policyId, subject, proof);
    }

    function test_submitProof_returnsFalseIfIssuerKeyHashChanged() public {
        vm.prank(admin);
        verifier.addIssuer(otherIssuerKeyHash, revoker);
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        proof.issuerKeyHash = otherIssuerKeyHash;
        _assertRejected(policyId, subject, proof);
    }

    function test_submitProof_returnsFalseIfNullifierChanged() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        proof.nullifier += 1;
        _assertRejected(policyId, subject, proof);
    }

    function test_submitProof_returnsFalseIfPolicyChanged() public {
        (IProofXVerifier.ProofXProof memory proof,, address subject) = _fixture("accredited");
        _assertRejected(retailPolicyId, subject, proof);
    }

    function test_submitProof_returnsFalseIfSubjectChanged() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId,) = _fixture("accredited");
        _assertRejected(policyId, bob, proof);
    }

    function test_submitProof_returnsFalseIfTimestampChanged() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        proof.timestamp -= 1;
        _assertRejected(policyId, subject, proof);
    }

    function test_submitProof_returnsFalseIfScopeIsOtherChain() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accreditedChain1");
        _assertRejected(policyId, subject, proof);
    }

    function test_submitProof_returnsFalseIfVerifierAddressChanged() public {
        // The same configuration behind another proxy: its scope tag differs, so the fixture proof does not verify.
        ProofXVerifier other = ProofXVerifier(
            address(
                new ERC1967Proxy(
                    address(implementation),
                    abi.encodeCall(ProofXVerifier.initialize, (admin, address(groth16), vkeyHash, MAX_PROOF_AGE))
                )
            )
        );
        vm.startPrank(admin);
        other.setPolicy(accreditedPolicyId, accreditedPolicyHash, VALIDITY, true);
        other.addIssuer(issuerKeyHash, revoker);
        vm.stopPrank();
        assertNotEq(other.scope(), verifier.scope());
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.prank(subject);
        assertFalse(other.submitProof(policyId, subject, proof));
        assertTrue(_submit("accredited"));
    }

    function test_submitProof_returnsFalseIfChainIdChanged() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.chainId(1);
        _assertRejected(policyId, subject, proof);
    }

    function test_submitProof_returnsFalseIfANegated() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        proof.a = _negateG1(proof.a);
        _assertRejected(policyId, subject, proof);
    }

    function test_submitProof_returnsFalseIfBNegated() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        proof.b = _negateG2(proof.b);
        _assertRejected(policyId, subject, proof);
    }

    function test_submitProof_returnsFalseIfCChanged() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        (IProofXVerifier.ProofXProof memory other,,) = _fixture("accreditedBob");
        proof.c = other.c;
        _assertRejected(policyId, subject, proof);
    }

    function test_submitProof_returnsFalseIfPointsNotOnCurve() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        proof.a = [uint256(1), uint256(3)];
        _assertRejected(policyId, subject, proof);
    }

    function test_submitProof_keepsEarlierRecordIfLaterProofInvalid() public {
        assertTrue(_submit("accredited"));
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accreditedRenewal");
        vm.warp(proof.timestamp);
        proof.a = _negateG1(proof.a);
        vm.prank(subject);
        assertFalse(verifier.submitProof(policyId, subject, proof));
        assertEq(verifier.getComplianceRecord(subject, policyId).expiresAt, fixtureNow + VALIDITY);
    }

    // --- guards ------------------------------------------------------------------------------------------------------

    function test_submitProof_revertsIfSentByOtherAddress() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierUnauthorizedSubmitter.selector, stranger, subject)
        );
        vm.prank(stranger);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfSentByOtherSubject() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierUnauthorizedSubmitter.selector, bob, subject)
        );
        vm.prank(bob);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfSignerRoleRevoked() public {
        vm.startPrank(admin);
        verifier.revokeRole(verifier.SIGNER_ROLE(), signer);
        vm.stopPrank();
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierUnauthorizedSubmitter.selector, signer, subject)
        );
        vm.prank(signer);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfPaused() public {
        vm.prank(admin);
        verifier.pause();
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfPolicyInactive() public {
        vm.prank(admin);
        verifier.setPolicy(accreditedPolicyId, accreditedPolicyHash, VALIDITY, false);
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierPolicyInactive.selector, policyId));
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfPolicyUnknown() public {
        (IProofXVerifier.ProofXProof memory proof,, address subject) = _fixture("accredited");
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierPolicyInactive.selector, 99));
        vm.prank(subject);
        verifier.submitProof(99, subject, proof);
    }

    function test_submitProof_revertsIfIssuerNotTrusted() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) =
            _fixture("accreditedOtherIssuer");
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierIssuerNotTrusted.selector, otherIssuerKeyHash)
        );
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfIssuerRemoved() public {
        vm.prank(admin);
        verifier.removeIssuer(issuerKeyHash);
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierIssuerNotTrusted.selector, issuerKeyHash));
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfCredentialRevoked() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, proof.nullifier);
        vm.expectRevert(
            abi.encodeWithSelector(
                IProofXVerifier.ProofXVerifierCredentialRevoked.selector, issuerKeyHash, proof.nullifier
            )
        );
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfNullifierOutOfField() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        proof.nullifier += SNARK_SCALAR_FIELD;
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierSignalOutOfField.selector, 1, proof.nullifier)
        );
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfTimestampBeyond40Bits() public {
        // Even once blocks are past 2^40 seconds, a timestamp the circuit's 40-bit `now` cannot hold is refused
        // (packed into the context signal it would spill into the scope tag's bits).
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.warp(1 << 41);
        proof.timestamp = 1 << 40;
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierProofFromFuture.selector, proof.timestamp, 1 << 41)
        );
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfTimestampInFuture() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accreditedRenewal");
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierProofFromFuture.selector, proof.timestamp, fixtureNow)
        );
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_revertsIfProofTooOld() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accreditedOld");
        vm.expectRevert(
            abi.encodeWithSelector(
                IProofXVerifier.ProofXVerifierProofTooOld.selector, proof.timestamp, fixtureNow - MAX_PROOF_AGE
            )
        );
        vm.prank(subject);
        verifier.submitProof(policyId, subject, proof);
    }

    function test_submitProof_acceptsOldProofIfMaxProofAgeRaised() public {
        vm.prank(admin);
        verifier.setMaxProofAge(3 days);
        assertTrue(_submit("accreditedOld"));
        assertEq(verifier.getComplianceRecord(alice, accreditedPolicyId).expiresAt, fixtureNow - 2 days + VALIDITY);
    }

    function test_submitProof_revertsIfGasBelowVerifierFloor() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        vm.prank(subject);
        vm.expectPartialRevert(IProofXVerifier.ProofXVerifierInsufficientGas.selector);
        verifier.submitProof{gas: 200_000}(policyId, subject, proof);
    }
}
