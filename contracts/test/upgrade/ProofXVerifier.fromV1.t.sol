// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Upgrades, Options} from "openzeppelin-foundry-upgrades/Upgrades.sol";
import {ProofXVerifier} from "../../src/ProofXVerifier.sol";
import {IProofXVerifier} from "../../src/interfaces/IProofXVerifier.sol";
import {ProofXVerifierV1} from "../legacy/v1/ProofXVerifierV1.sol";
import {Base} from "../utils/Base.t.sol";

/// @dev Upgrades a proxy that runs the released 1.0.0 implementation (kept verbatim in test/legacy/v1) to the current
/// one: the validator accepts the layout, 1.0.0 records keep their issuer and read as generation 0, and the admin can
/// keep them ("migrate") or void them in one call, also inside the upgrade transaction (the UUPS path).
contract ProofXVerifierFromV1Test is Base {
    function _newImplementation() internal override returns (address) {
        return address(new ProofXVerifierV1());
    }

    function _options() internal pure returns (Options memory opts) {
        opts.referenceContract = "ProofXVerifierV1.sol";
    }

    function test_validateUpgrade_acceptsCurrentLayoutOverV1() public {
        Upgrades.validateUpgrade("ProofXVerifier.sol", _options());
    }

    function test_upgradeProxy_keepsV1RecordsAsGenerationZero() public {
        assertTrue(_submit("accredited"));
        assertEq(ProofXVerifierV1(FIXTURE_VERIFIER).version(), "1.0.0");

        Upgrades.upgradeProxy(FIXTURE_VERIFIER, "ProofXVerifier.sol", "", _options(), admin);

        assertEq(verifier.version(), "1.1.0");
        IProofXVerifier.ComplianceRecord memory record = verifier.getComplianceRecord(alice, accreditedPolicyId);
        assertEq(record.issuerId, 1);
        assertEq(record.verifierGeneration, 0);
        assertEq(verifier.verifierGeneration(), 0);
        assertEq(verifier.validFromGeneration(), 0);
        assertFalse(verifier.gatesClosed());
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
        // New records are written under the current generation with the same issuer id.
        assertTrue(_submit("accreditedBob"));
        assertEq(verifier.getComplianceRecord(bob, accreditedPolicyId).issuerId, 1);
    }

    function test_setVerifier_migratesOrVoidsV1RecordsAfterUpgrade() public {
        assertTrue(_submit("accredited"));
        Upgrades.upgradeProxy(FIXTURE_VERIFIER, "ProofXVerifier.sol", "", _options(), admin);

        vm.prank(admin);
        verifier.setVerifier(address(groth16), vkeyHash, false);
        assertEq(verifier.verifierGeneration(), 1);
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId), "migrate keeps 1.0.0 records");

        vm.prank(admin);
        verifier.setVerifier(address(groth16), vkeyHash, true);
        assertEq(verifier.validFromGeneration(), 2);
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId), "start fresh voids them");
        assertTrue(_submit("accredited"));
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
    }

    /// @dev The UUPS path of playbook scenario B: one transaction swaps the implementation and the verifier and voids
    /// every earlier record (the caller holds UPGRADER_ROLE and DEFAULT_ADMIN_ROLE).
    function test_upgradeToAndCall_voidsV1RecordsInTheUpgradeTransaction() public {
        assertTrue(_submit("accredited"));
        assertTrue(_submit("accreditedBob"));
        Upgrades.upgradeProxy(
            FIXTURE_VERIFIER,
            "ProofXVerifier.sol",
            abi.encodeCall(ProofXVerifier.setVerifier, (address(groth16), vkeyHash, true)),
            _options(),
            admin
        );
        assertEq(verifier.verifierGeneration(), 1);
        assertEq(verifier.validFromGeneration(), 1);
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
        assertFalse(verifier.isCompliant(bob, accreditedPolicyId));
        assertTrue(_submit("accredited"));
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
        assertEq(verifier.getComplianceRecord(alice, accreditedPolicyId).verifierGeneration, 1);
    }
}
