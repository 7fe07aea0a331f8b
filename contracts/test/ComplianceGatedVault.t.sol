// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ComplianceGatedVault} from "../src/examples/ComplianceGatedVault.sol";
import {ProofXGated} from "../src/gated/ProofXGated.sol";
import {IProofXVerifier} from "../src/interfaces/IProofXVerifier.sol";
import {ReentrantWithdrawer} from "./mocks/ReentrantWithdrawer.sol";
import {Base} from "./utils/Base.t.sol";

/// @dev The example consumer, gated by real recorded proofs.
contract ComplianceGatedVaultTest is Base {
    ComplianceGatedVault internal vault;

    function setUp() public override {
        super.setUp();
        vault = new ComplianceGatedVault(verifier, accreditedPolicyId);
        vm.deal(alice, 10 ether);
        vm.deal(bob, 10 ether);
    }

    function test_constructor_setsVerifierAndPolicy() public view {
        assertEq(address(vault.proofXVerifier()), FIXTURE_VERIFIER);
        assertEq(vault.policyId(), accreditedPolicyId);
    }

    function test_constructor_revertsIfVerifierHasNoCode() public {
        vm.expectRevert(abi.encodeWithSelector(ProofXGated.ProofXGatedVerifierHasNoCode.selector, stranger));
        new ComplianceGatedVault(IProofXVerifier(stranger), accreditedPolicyId);
    }

    function test_deposit_creditsIfCompliant() public {
        assertTrue(_submit("accredited"));
        vm.expectEmit(address(vault));
        emit ComplianceGatedVault.Deposited(alice, 1 ether);
        vm.prank(alice);
        vault.deposit{value: 1 ether}();
        assertEq(vault.balanceOf(alice), 1 ether);
        assertEq(address(vault).balance, 1 ether);
    }

    function test_deposit_revertsIfNoProof() public {
        vm.expectRevert(abi.encodeWithSelector(ProofXGated.ProofXGatedNotCompliant.selector, bob, accreditedPolicyId));
        vm.prank(bob);
        vault.deposit{value: 1 ether}();
    }

    function test_deposit_revertsIfOnlyCompliantWithOtherPolicy() public {
        assertTrue(_submit("retail"));
        vm.expectRevert(abi.encodeWithSelector(ProofXGated.ProofXGatedNotCompliant.selector, alice, accreditedPolicyId));
        vm.prank(alice);
        vault.deposit{value: 1 ether}();
    }

    function test_deposit_revertsIfRecordExpired() public {
        assertTrue(_submit("accredited"));
        vm.warp(fixtureNow + VALIDITY);
        vm.expectRevert(abi.encodeWithSelector(ProofXGated.ProofXGatedNotCompliant.selector, alice, accreditedPolicyId));
        vm.prank(alice);
        vault.deposit{value: 1 ether}();
    }

    function test_deposit_revertsIfCredentialRevoked() public {
        assertTrue(_submit("accredited"));
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, _fixtureSignals("accredited")[1]);
        vm.expectRevert(abi.encodeWithSelector(ProofXGated.ProofXGatedNotCompliant.selector, alice, accreditedPolicyId));
        vm.prank(alice);
        vault.deposit{value: 1 ether}();
    }

    function test_deposit_revertsIfZero() public {
        assertTrue(_submit("accredited"));
        vm.expectRevert(ComplianceGatedVault.ComplianceGatedVaultZeroDeposit.selector);
        vm.prank(alice);
        vault.deposit();
    }

    function test_withdraw_paysOutEvenIfNoLongerCompliant() public {
        assertTrue(_submit("accredited"));
        vm.prank(alice);
        vault.deposit{value: 2 ether}();
        vm.prank(admin);
        verifier.removeIssuer(issuerKeyHash);

        vm.expectEmit(address(vault));
        emit ComplianceGatedVault.Withdrawn(alice, 1.5 ether);
        vm.prank(alice);
        vault.withdraw(1.5 ether);
        assertEq(vault.balanceOf(alice), 0.5 ether);
        assertEq(alice.balance, 9.5 ether);
    }

    /// @dev withdraw pays out before returning, so a depositor's receive() could call it again: nonReentrant refuses.
    function test_withdraw_revertsIfReentered() public {
        assertTrue(_submit("accredited"));
        vm.prank(alice);
        vault.deposit{value: 1 ether}();
        vm.etch(alice, address(new ReentrantWithdrawer(vault)).code);
        vm.expectRevert(ReentrancyGuard.ReentrancyGuardReentrantCall.selector);
        vm.prank(alice);
        vault.withdraw(0.5 ether);
        assertEq(vault.balanceOf(alice), 1 ether);
    }

    function test_withdraw_revertsIfAmountExceedsBalance() public {
        assertTrue(_submit("accredited"));
        vm.prank(alice);
        vault.deposit{value: 1 ether}();
        vm.expectRevert(
            abi.encodeWithSelector(
                ComplianceGatedVault.ComplianceGatedVaultInsufficientBalance.selector, alice, 1 ether, 2 ether
            )
        );
        vm.prank(alice);
        vault.withdraw(2 ether);
    }

    /// @dev Incident response: closing the gates stops every gated dApp at once; opening them restores access.
    function test_deposit_revertsIfGatesClosed() public {
        assertTrue(_submit("accredited"));
        vm.prank(admin);
        verifier.closeGates();
        vm.expectRevert(abi.encodeWithSelector(ProofXGated.ProofXGatedNotCompliant.selector, alice, accreditedPolicyId));
        vm.prank(alice);
        vault.deposit{value: 1 ether}();

        vm.prank(admin);
        verifier.openGates();
        vm.prank(alice);
        vault.deposit{value: 1 ether}();
        assertEq(vault.balanceOf(alice), 1 ether);
    }

    function test_withdraw_staysOpenIfGatesClosed() public {
        assertTrue(_submit("accredited"));
        vm.prank(alice);
        vault.deposit{value: 1 ether}();
        vm.prank(admin);
        verifier.closeGates();
        vm.prank(alice);
        vault.withdraw(1 ether);
        assertEq(vault.balanceOf(alice), 0);
    }

    function test_deposit_revertsIfRecordVoidedBySetVerifier() public {
        assertTrue(_submit("accredited"));
        vm.prank(admin);
        verifier.setVerifier(address(groth16), vkeyHash, true);
        vm.expectRevert(abi.encodeWithSelector(ProofXGated.ProofXGatedNotCompliant.selector, alice, accreditedPolicyId));
        vm.prank(alice);
        vault.deposit{value: 1 ether}();
    }
}
