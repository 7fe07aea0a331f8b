// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {stdJson} from "forge-std/StdJson.sol";
import {IProofXVerifier} from "../src/interfaces/IProofXVerifier.sol";
import {Base} from "./utils/Base.t.sol";

/// @dev Circuit v2: the policy hash commits the validity period and the proof shows the credential lasts until the
/// record ends (now + validityPeriod <= credential.expiresAt), so a record never outlives its credential. The contract
/// dates the record with its own validity period; the SDK refuses a document whose period differs (see
/// ProofXVerifier's NatSpec), and a registered hash committing another period makes every proof fail.
contract ProofXVerifierRecordWindowTest is Base {
    using stdJson for string;

    function test_submitProof_recordEndsExactlyWhenCredentialExpiresIfBothCoincide() public {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) =
            _fixture("accreditedCredentialEndsWithRecord");
        uint256 credentialExpiresAt = fixtures.readUint(".credentialExpiresAt.accreditedCredentialEndsWithRecord");
        vm.prank(subject);
        assertTrue(verifier.submitProof(policyId, subject, proof));

        assertEq(verifier.getComplianceRecord(subject, policyId).expiresAt, credentialExpiresAt);
        vm.warp(credentialExpiresAt - 1);
        assertTrue(verifier.isCompliant(subject, policyId));
        vm.warp(credentialExpiresAt);
        assertFalse(verifier.isCompliant(subject, policyId));
    }

    function test_submitProof_returnsFalseIfRegisteredHashCommitsAnotherValidityPeriod() public {
        // The same rules committed with 60 days: the 30-day proof's policyHash signal is not the registered one.
        uint256 sixtyDaysHash = fixtures.readUint(".policies.accredited60Days.policyHash");
        assertNotEq(sixtyDaysHash, accreditedPolicyHash);
        vm.prank(admin);
        verifier.setPolicy(accreditedPolicyId, sixtyDaysHash, 60 days, true);

        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        _assertRejectedFrom(subject, policyId, subject, proof);
    }

    function test_submitProof_acceptsAgainAfterAdminRegistersTheHashOfTheProvenValidityPeriod() public {
        uint256 sixtyDaysHash = fixtures.readUint(".policies.accredited60Days.policyHash");
        vm.startPrank(admin);
        verifier.setPolicy(accreditedPolicyId, sixtyDaysHash, 60 days, true);
        verifier.setPolicy(accreditedPolicyId, accreditedPolicyHash, VALIDITY, true);
        vm.stopPrank();
        assertTrue(_submit("accredited"));
        assertEq(verifier.getComplianceRecord(alice, accreditedPolicyId).expiresAt, fixtureNow + VALIDITY);
    }

    function test_submitProof_returnsFalseIfTimestampMovedLaterToOutliveTheCredential() public {
        // The credential ends with the record at now + 30 days; a later `now` would end the record after it, and changes the context signal.
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) =
            _fixture("accreditedCredentialEndsWithRecord");
        proof.timestamp += 1;
        vm.warp(proof.timestamp);
        vm.prank(subject);
        assertFalse(verifier.submitProof(policyId, subject, proof));
    }
}
