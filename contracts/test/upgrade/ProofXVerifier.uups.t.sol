// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC1967} from "@openzeppelin/contracts/interfaces/IERC1967.sol";
import {ERC1967Utils} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Utils.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {ProofXVerifierUnsafeV2} from "../mocks/ProofXVerifierUnsafeV2.sol";
import {ProofXVerifierV2} from "../mocks/ProofXVerifierV2.sol";
import {Base} from "../utils/Base.t.sol";

/// @dev UUPS upgrade guards, called directly (no validator): these also run under forge coverage.
contract ProofXVerifierUupsTest is Base {
    function test_upgradeToAndCall_revertsIfV2InitializedTwice() public {
        address next = address(new ProofXVerifierV2());
        vm.prank(admin);
        verifier.upgradeToAndCall(next, abi.encodeCall(ProofXVerifierV2.initializeV2, ("v2")));
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        ProofXVerifierV2(FIXTURE_VERIFIER).initializeV2("again");
    }

    /// @dev External so the test can expect the validator's revert (it reverts inside library code).

    /// @dev What the validator prevents: upgrading to the clashing layout without it garbles every field.

    function test_upgradeToAndCall_corruptsStateIfValidatorBypassed() public {
        address unsafe = address(new ProofXVerifierUnsafeV2());
        vm.prank(admin);
        verifier.upgradeToAndCall(unsafe, "");
        // The new first field reads the slot that held the packed verifier address and max proof age.
        uint256 expectedSlot0 =
            (uint256(MAX_PROOF_AGE) << 160) | uint256(uint160(address(groth16))) | (uint256(1) << 200);
        assertEq(ProofXVerifierUnsafeV2(FIXTURE_VERIFIER).submissionCount(), expectedSlot0);
    }

    function test_upgradeToAndCall_revertsIfNotUpgrader() public {
        address next = address(new ProofXVerifierV2());
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, verifier.UPGRADER_ROLE()
            )
        );
        vm.prank(stranger);
        verifier.upgradeToAndCall(next, "");
    }

    function test_upgradeToAndCall_revertsIfImplementationNotUUPS() public {
        address notUups = address(groth16);
        vm.expectRevert(abi.encodeWithSelector(ERC1967Utils.ERC1967InvalidImplementation.selector, notUups));
        vm.prank(admin);
        verifier.upgradeToAndCall(notUups, "");
    }

    function test_upgradeToAndCall_revertsIfCalledOnImplementation() public {
        address next = address(new ProofXVerifierV2());
        vm.expectRevert(UUPSUpgradeable.UUPSUnauthorizedCallContext.selector);
        vm.prank(admin);
        implementation.upgradeToAndCall(next, "");
    }

    function test_upgradeToAndCall_upgradesIfUpgraderWithoutAdminRole() public {
        address upgrader = makeAddr("upgrader");
        vm.startPrank(admin);
        verifier.grantRole(verifier.UPGRADER_ROLE(), upgrader);
        vm.stopPrank();
        address next = address(new ProofXVerifierV2());
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IERC1967.Upgraded(next);
        vm.prank(upgrader);
        verifier.upgradeToAndCall(next, "");
        assertEq(ProofXVerifierV2(FIXTURE_VERIFIER).version(), "2.0.0");
    }

    function test_proxiableUUID_returnsErc1967Slot() public view {
        assertEq(implementation.proxiableUUID(), ERC1967Utils.IMPLEMENTATION_SLOT);
    }
}
