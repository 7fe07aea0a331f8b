// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {ProofXVerifier} from "../../src/ProofXVerifier.sol";
import {RejectingGroth16Verifier} from "../mocks/RejectingGroth16Verifier.sol";
import {Base} from "../utils/Base.t.sol";

/// @dev The production role layout: DEFAULT_ADMIN_ROLE on a multisig (here an address standing in for the Safe; the
/// real Safe runs in the anvil tests), UPGRADER_ROLE on OpenZeppelin's TimelockController whose only proposer and
/// executor is that multisig, PAUSER_ROLE on a guardian. The deployer keeps nothing.
contract ProofXVerifierTimelockTest is Base {
    uint256 internal constant DELAY = 2 days;

    TimelockController internal timelock;
    address internal safe = makeAddr("safe");
    address internal guardian = makeAddr("guardian");

    function setUp() public override {
        super.setUp();
        address[] memory members = new address[](1);
        members[0] = safe;
        timelock = new TimelockController(DELAY, members, members, address(0));
        vm.startPrank(admin);
        verifier.grantRole(verifier.DEFAULT_ADMIN_ROLE(), safe);
        verifier.grantRole(verifier.PAUSER_ROLE(), guardian);
        verifier.grantRole(verifier.UPGRADER_ROLE(), address(timelock));
        verifier.renounceRole(verifier.UPGRADER_ROLE(), admin);
        verifier.renounceRole(verifier.PAUSER_ROLE(), admin);
        verifier.renounceRole(verifier.DEFAULT_ADMIN_ROLE(), admin);
        vm.stopPrank();
    }

    function _setVerifierCall(address next) internal pure returns (bytes memory) {
        return abi.encodeCall(ProofXVerifier.setVerifier, (next, bytes32(uint256(2)), true));
    }

    function _schedule(bytes memory data, bytes32 salt) internal returns (bytes32 id) {
        vm.prank(safe);
        timelock.schedule(address(verifier), 0, data, bytes32(0), salt, DELAY);
        id = timelock.hashOperation(address(verifier), 0, data, bytes32(0), salt);
    }

    function test_setVerifier_executesThroughTimelockAfterDelay() public {
        address next = address(new RejectingGroth16Verifier());
        bytes memory data = _setVerifierCall(next);
        bytes32 id = _schedule(data, bytes32("v2"));
        assertTrue(timelock.isOperationPending(id));
        assertEq(timelock.getTimestamp(id), block.timestamp + DELAY);

        vm.warp(block.timestamp + DELAY);
        vm.prank(safe);
        timelock.execute(address(verifier), 0, data, bytes32(0), bytes32("v2"));
        assertTrue(timelock.isOperationDone(id));
        assertEq(verifier.verifier(), next);
    }

    function test_setVerifier_revertsIfExecutedBeforeDelay() public {
        bytes memory data = _setVerifierCall(address(new RejectingGroth16Verifier()));
        bytes32 id = _schedule(data, bytes32("v2"));
        vm.warp(block.timestamp + DELAY - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector,
                id,
                bytes32(1 << uint8(TimelockController.OperationState.Ready))
            )
        );
        vm.prank(safe);
        timelock.execute(address(verifier), 0, data, bytes32(0), bytes32("v2"));
        assertEq(verifier.verifier(), address(groth16));
    }

    function testFuzz_schedule_revertsIfDelayBelowMinimum(uint256 delay) public {
        delay = bound(delay, 0, DELAY - 1);
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockInsufficientDelay.selector, delay, DELAY));
        vm.prank(safe);
        timelock.schedule(address(verifier), 0, _setVerifierCall(address(groth16)), bytes32(0), bytes32(0), delay);
    }

    function test_setVerifier_revertsIfSafeCallsDirectly() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, safe, verifier.UPGRADER_ROLE()
            )
        );
        vm.prank(safe);
        verifier.setVerifier(address(groth16), vkeyHash, false);
    }

    function test_upgrade_revertsIfSafeCallsDirectly() public {
        address next = address(new ProofXVerifier());
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, safe, verifier.UPGRADER_ROLE()
            )
        );
        vm.prank(safe);
        verifier.upgradeToAndCall(next, "");
    }

    function test_grantRole_revertsIfSafeGrantsItselfUpgraderRole() public {
        bytes32 role = verifier.UPGRADER_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, safe, role));
        vm.prank(safe);
        verifier.grantRole(role, safe);
    }

    function test_schedule_revertsIfNotProposer() public {
        bytes memory data = _setVerifierCall(address(groth16));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, guardian, timelock.PROPOSER_ROLE()
            )
        );
        vm.prank(guardian);
        timelock.schedule(address(verifier), 0, data, bytes32(0), bytes32(0), DELAY);
    }

    function test_updateDelay_revertsIfNotThroughTimelock() public {
        vm.expectRevert(abi.encodeWithSelector(TimelockController.TimelockUnauthorizedCaller.selector, safe));
        vm.prank(safe);
        timelock.updateDelay(0);
    }

    function test_pause_isInstantForGuardian_unpauseNeedsSafe() public {
        vm.prank(guardian);
        verifier.pause();
        assertTrue(verifier.paused());
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, guardian, verifier.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(guardian);
        verifier.unpause();
        vm.prank(safe);
        verifier.unpause();
        assertFalse(verifier.paused());
    }

    function test_closeGates_isInstantForGuardian_openGatesNeedsSafe() public {
        vm.prank(guardian);
        verifier.closeGates();
        assertTrue(verifier.gatesClosed());
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, guardian, verifier.DEFAULT_ADMIN_ROLE()
            )
        );
        vm.prank(guardian);
        verifier.openGates();
        vm.prank(safe);
        verifier.openGates();
        assertFalse(verifier.gatesClosed());
    }

    function test_setBatchVerifier_revertsIfSafeCallsDirectly() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, safe, verifier.UPGRADER_ROLE()
            )
        );
        vm.prank(safe);
        verifier.setBatchVerifier(address(0));
    }

    function test_revokeRole_isInstantForSafe() public {
        bytes32 role = verifier.SIGNER_ROLE();
        vm.prank(safe);
        verifier.revokeRole(role, signer);
        assertFalse(verifier.hasRole(verifier.SIGNER_ROLE(), signer));
    }

    function test_upgradeToAndCall_executesThroughTimelockAfterDelay() public {
        address next = address(new ProofXVerifier());
        bytes memory data = abi.encodeCall(verifier.upgradeToAndCall, (next, ""));
        _schedule(data, bytes32("impl"));
        vm.warp(block.timestamp + DELAY);
        vm.prank(safe);
        timelock.execute(address(verifier), 0, data, bytes32(0), bytes32("impl"));
        bytes32 slot = vm.load(address(verifier), 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc);
        assertEq(address(uint160(uint256(slot))), next);
    }
}
