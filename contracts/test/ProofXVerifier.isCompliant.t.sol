// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "./utils/Base.t.sol";

/// @dev isCompliant over a real recorded proof: every way a record stops counting.
contract ProofXVerifierIsCompliantTest is Base {
    function setUp() public override {
        super.setUp();
        assertTrue(_submit("accredited"));
    }

    function test_isCompliant_returnsFalseIfNoRecord() public view {
        assertFalse(verifier.isCompliant(bob, accreditedPolicyId));
        assertFalse(verifier.isCompliant(alice, 99));
    }

    function test_isCompliant_returnsTrueUntilJustBeforeExpiry() public {
        vm.warp(fixtureNow + VALIDITY - 1);
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_isCompliant_returnsFalseIfExpired() public {
        vm.warp(fixtureNow + VALIDITY);
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_isCompliant_returnsFalseIfIssuerRemoved() public {
        vm.prank(admin);
        verifier.removeIssuer(issuerKeyHash);
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_isCompliant_returnsFalseIfIssuerRemovedAndReAdded() public {
        vm.startPrank(admin);
        verifier.removeIssuer(issuerKeyHash);
        verifier.addIssuer(issuerKeyHash, revoker);
        vm.stopPrank();
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
        // A fresh proof under the re-added issuer counts again.
        assertTrue(_submit("accredited"));
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_isCompliant_returnsFalseIfCredentialRevoked() public {
        uint256 nullifier = _fixtureSignals("accredited")[1];
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, nullifier);
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_isCompliant_returnsFalseForEveryPolicyIfCredentialRevoked() public {
        assertTrue(_submit("retail"));
        uint256 nullifier = _fixtureSignals("accredited")[1];
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, nullifier);
        assertFalse(verifier.isCompliant(alice, retailPolicyId));
    }

    function test_isCompliant_keepsOtherSubjectIfCredentialRevoked() public {
        assertTrue(_submit("accreditedBob"));
        uint256 nullifier = _fixtureSignals("accredited")[1];
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, nullifier);
        assertTrue(verifier.isCompliant(bob, accreditedPolicyId));
    }

    function test_isCompliant_returnsFalseIfPolicyDeactivated() public {
        vm.prank(admin);
        verifier.setPolicy(accreditedPolicyId, accreditedPolicyHash, VALIDITY, false);
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_isCompliant_returnsTrueIfPaused() public {
        // Pausing stops new submissions; existing records keep counting (dApps decide about their own pause).
        vm.prank(admin);
        verifier.pause();
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_isCompliant_returnsFalseIfGatesClosed() public {
        vm.prank(admin);
        verifier.closeGates();
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_isCompliant_returnsFalseIfGenerationVoided() public {
        vm.prank(admin);
        verifier.setVerifier(address(groth16), vkeyHash, true);
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_isCompliant_returnsTrueIfGenerationMigrated() public {
        vm.prank(admin);
        verifier.setVerifier(address(groth16), vkeyHash, false);
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
    }
}
