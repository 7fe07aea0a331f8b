// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Upgrades, Options} from "openzeppelin-foundry-upgrades/Upgrades.sol";
import {ProofXVerifier} from "../../src/ProofXVerifier.sol";
import {ProofXVerifierUnsafeV2} from "../mocks/ProofXVerifierUnsafeV2.sol";
import {ProofXVerifierV2} from "../mocks/ProofXVerifierV2.sol";
import {Base} from "../utils/Base.t.sol";

/// @dev Upgrades through openzeppelin-foundry-upgrades, which validates storage layouts with
/// the upgrades-core package (ffi, out/build-info: needs a clean build, see foundry.toml). The fixture proxy is the
/// one upgraded, so real proofs keep working across the upgrade.
contract ProofXVerifierUpgradesPluginTest is Base {
    function _upgradeToV2() internal {
        Upgrades.upgradeProxy(
            FIXTURE_VERIFIER, "ProofXVerifierV2.sol", abi.encodeCall(ProofXVerifierV2.initializeV2, ("v2")), admin
        );
    }

    function test_deployUUPSProxy_validatesAndInitializes() public {
        address proxy = Upgrades.deployUUPSProxy(
            "ProofXVerifier.sol",
            abi.encodeCall(ProofXVerifier.initialize, (admin, address(groth16), vkeyHash, MAX_PROOF_AGE))
        );
        assertEq(ProofXVerifier(proxy).vkeyHash(), vkeyHash);
        assertTrue(ProofXVerifier(proxy).hasRole(bytes32(0), admin));
        assertTrue(Upgrades.getImplementationAddress(proxy) != address(0));
    }

    /// @dev Upgrades.upgradeProxy validates V2 against ProofXVerifier (its @custom:oz-upgrades-from) before upgrading.

    function test_upgradeProxy_keepsStateIfUpgradedToV2() public {
        assertTrue(_submit("accredited"));
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, 42);
        address implementationBefore = Upgrades.getImplementationAddress(FIXTURE_VERIFIER);

        _upgradeToV2();

        ProofXVerifierV2 upgraded = ProofXVerifierV2(FIXTURE_VERIFIER);
        assertTrue(Upgrades.getImplementationAddress(FIXTURE_VERIFIER) != implementationBefore);
        assertEq(upgraded.version(), "2.0.0");
        assertEq(upgraded.releaseNote(), "v2");
        assertTrue(upgraded.isCompliant(alice, accreditedPolicyId));
        assertTrue(upgraded.isRevoked(issuerKeyHash, 42));
        assertEq(upgraded.getPolicy(accreditedPolicyId).policyHash, accreditedPolicyHash);
        assertEq(upgraded.getIssuer(issuerKeyHash).revoker, revoker);
        assertEq(upgraded.verifier(), address(groth16));
        assertEq(upgraded.vkeyHash(), vkeyHash);
        assertEq(upgraded.maxProofAge(), MAX_PROOF_AGE);
        assertTrue(upgraded.hasRole(upgraded.SIGNER_ROLE(), signer));
        // Real proofs still verify after the upgrade.
        assertTrue(_submit("accreditedBob"));
        assertTrue(upgraded.isCompliant(bob, accreditedPolicyId));
    }

    /// @dev External so the test can catch the validator's revert (it reverts inside library code).
    function validateUnsafeUpgrade() external {
        Options memory opts;
        Upgrades.validateUpgrade(string.concat(type(ProofXVerifierUnsafeV2).name, ".sol"), opts);
    }

    function test_validateUpgrade_revertsIfV2ClashesWithStorage() public {
        try this.validateUnsafeUpgrade() {
            assertTrue(false, "the validator accepted a storage clash");
        } catch Error(string memory reason) {
            // The validator ran and rejected the layout (not merely failed to run).
            assertTrue(vm.contains(reason, "Upgrade safety validation failed"), reason);
            assertTrue(vm.contains(reason, "submissionCount"), reason);
        }
    }
}
