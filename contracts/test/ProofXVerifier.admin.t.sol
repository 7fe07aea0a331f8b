// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {PausableUpgradeable} from "@openzeppelin/contracts-upgradeable/utils/PausableUpgradeable.sol";
import {ProofXVerifier} from "../src/ProofXVerifier.sol";
import {IProofXVerifier} from "../src/interfaces/IProofXVerifier.sol";
import {RejectingGroth16Verifier} from "./mocks/RejectingGroth16Verifier.sol";
import {Base} from "./utils/Base.t.sol";

/// @dev Initialization, roles, policies, issuers, revocation and configuration.
contract ProofXVerifierAdminTest is Base {
    uint256 internal constant NEW_POLICY_ID = 7;
    uint256 internal constant NEW_POLICY_HASH = 12345;
    uint256 internal constant NEW_ISSUER = 424242;

    function _expectUnauthorized(address account, bytes32 role) internal {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, account, role));
    }

    function _deployProxy(bytes memory initData) internal returns (ProofXVerifier) {
        return ProofXVerifier(address(new ERC1967Proxy(address(implementation), initData)));
    }

    // --- initialize --------------------------------------------------------------------------------------------------

    function test_initialize_setsRolesVerifierAndMaxProofAge() public view {
        assertTrue(verifier.hasRole(verifier.DEFAULT_ADMIN_ROLE(), admin));
        assertTrue(verifier.hasRole(verifier.PAUSER_ROLE(), admin));
        assertTrue(verifier.hasRole(verifier.UPGRADER_ROLE(), admin));
        assertFalse(verifier.hasRole(verifier.SIGNER_ROLE(), admin));
        assertEq(verifier.verifier(), address(groth16));
        assertEq(verifier.vkeyHash(), vkeyHash);
        assertEq(verifier.maxProofAge(), MAX_PROOF_AGE);
        assertEq(verifier.scope(), vm.parseJsonUint(fixtures, ".scope"));
        assertEq(verifier.version(), "1.1.0");
        assertEq(verifier.verifierGeneration(), 1);
        assertEq(verifier.validFromGeneration(), 0);
        assertFalse(verifier.gatesClosed());
        assertFalse(verifier.paused());
    }

    function test_initialize_emitsVerifierUpdatedAndMaxProofAgeUpdated() public {
        vm.expectEmit();
        emit IProofXVerifier.VerifierUpdated(address(0), address(groth16), vkeyHash);
        vm.expectEmit();
        emit IProofXVerifier.MaxProofAgeUpdated(0, MAX_PROOF_AGE);
        _deployProxy(abi.encodeCall(ProofXVerifier.initialize, (admin, address(groth16), vkeyHash, MAX_PROOF_AGE)));
    }

    function test_initialize_revertsIfCalledTwice() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        verifier.initialize(stranger, address(groth16), vkeyHash, MAX_PROOF_AGE);
    }

    function test_initialize_revertsIfCalledOnImplementation() public {
        vm.expectRevert(Initializable.InvalidInitialization.selector);
        implementation.initialize(stranger, address(groth16), vkeyHash, MAX_PROOF_AGE);
    }

    function test_initialize_revertsIfAdminZero() public {
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierZeroAddress.selector, "admin"));
        _deployProxy(abi.encodeCall(ProofXVerifier.initialize, (address(0), address(groth16), vkeyHash, MAX_PROOF_AGE)));
    }

    function test_initialize_revertsIfMaxProofAgeZero() public {
        vm.expectRevert(IProofXVerifier.ProofXVerifierZeroMaxProofAge.selector);
        _deployProxy(abi.encodeCall(ProofXVerifier.initialize, (admin, address(groth16), vkeyHash, 0)));
    }

    // --- roles -------------------------------------------------------------------------------------------------------

    function test_grantRole_emitsRoleGrantedIfAdmin() public {
        bytes32 role = verifier.SIGNER_ROLE();
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IAccessControl.RoleGranted(role, stranger, admin);
        vm.prank(admin);
        verifier.grantRole(role, stranger);
        assertTrue(verifier.hasRole(role, stranger));
    }

    function test_grantRole_revertsIfNotAdmin() public {
        bytes32 role = verifier.SIGNER_ROLE();
        _expectUnauthorized(signer, verifier.DEFAULT_ADMIN_ROLE());
        vm.prank(signer);
        verifier.grantRole(role, stranger);
    }

    function test_getRoleAdmin_upgraderRoleAdministersItself() public view {
        assertEq(verifier.getRoleAdmin(verifier.UPGRADER_ROLE()), verifier.UPGRADER_ROLE());
        assertEq(verifier.getRoleAdmin(verifier.PAUSER_ROLE()), verifier.DEFAULT_ADMIN_ROLE());
        assertEq(verifier.getRoleAdmin(verifier.SIGNER_ROLE()), verifier.DEFAULT_ADMIN_ROLE());
        assertEq(verifier.getRoleAdmin(verifier.DEFAULT_ADMIN_ROLE()), verifier.DEFAULT_ADMIN_ROLE());
    }

    function test_grantRole_revertsIfAdminGrantsUpgraderRoleWithoutHoldingIt() public {
        // Otherwise the admin (a Safe) could grant itself UPGRADER_ROLE and skip the timelock's delay.
        address safe = makeAddr("safe");
        vm.startPrank(admin);
        verifier.grantRole(verifier.DEFAULT_ADMIN_ROLE(), safe);
        vm.stopPrank();
        bytes32 role = verifier.UPGRADER_ROLE();
        _expectUnauthorized(safe, role);
        vm.prank(safe);
        verifier.grantRole(role, safe);
        _expectUnauthorized(safe, role);
        vm.prank(safe);
        verifier.revokeRole(role, admin);
        assertTrue(verifier.hasRole(role, admin));
    }

    function test_grantRole_emitsRoleGrantedIfUpgraderGrantsUpgraderRole() public {
        bytes32 role = verifier.UPGRADER_ROLE();
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IAccessControl.RoleGranted(role, stranger, admin);
        vm.prank(admin);
        verifier.grantRole(role, stranger);
        assertTrue(verifier.hasRole(role, stranger));
    }

    function test_revokeRole_emitsRoleRevokedIfAdmin() public {
        bytes32 role = verifier.SIGNER_ROLE();
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IAccessControl.RoleRevoked(role, signer, admin);
        vm.prank(admin);
        verifier.revokeRole(role, signer);
        assertFalse(verifier.hasRole(role, signer));
    }

    // --- policies ----------------------------------------------------------------------------------------------------

    function test_setPolicy_storesPolicyAndEmitsPolicySet() public {
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.PolicySet(NEW_POLICY_ID, NEW_POLICY_HASH, 7 days, true);
        vm.prank(admin);
        verifier.setPolicy(NEW_POLICY_ID, NEW_POLICY_HASH, 7 days, true);
        IProofXVerifier.Policy memory policy = verifier.getPolicy(NEW_POLICY_ID);
        assertEq(policy.policyHash, NEW_POLICY_HASH);
        assertEq(policy.validityPeriod, 7 days);
        assertTrue(policy.active);
    }

    function test_setPolicy_revertsIfNotAdmin() public {
        _expectUnauthorized(stranger, verifier.DEFAULT_ADMIN_ROLE());
        vm.prank(stranger);
        verifier.setPolicy(NEW_POLICY_ID, NEW_POLICY_HASH, 7 days, true);
    }

    function test_setPolicy_revertsIfPolicyHashZero() public {
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierInvalidPolicyHash.selector, NEW_POLICY_ID, 0)
        );
        vm.prank(admin);
        verifier.setPolicy(NEW_POLICY_ID, 0, 7 days, true);
    }

    function test_setPolicy_revertsIfPolicyHashOutOfField() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IProofXVerifier.ProofXVerifierInvalidPolicyHash.selector, NEW_POLICY_ID, SNARK_SCALAR_FIELD
            )
        );
        vm.prank(admin);
        verifier.setPolicy(NEW_POLICY_ID, SNARK_SCALAR_FIELD, 7 days, true);
    }

    function test_setPolicy_revertsIfValidityPeriodZero() public {
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierZeroValidityPeriod.selector, NEW_POLICY_ID)
        );
        vm.prank(admin);
        verifier.setPolicy(NEW_POLICY_ID, NEW_POLICY_HASH, 0, true);
    }

    // --- issuers -----------------------------------------------------------------------------------------------------

    function test_addIssuer_assignsNextIdAndEmitsIssuerAdded() public {
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.IssuerAdded(NEW_ISSUER, 2, stranger);
        vm.prank(admin);
        verifier.addIssuer(NEW_ISSUER, stranger);
        IProofXVerifier.Issuer memory issuer = verifier.getIssuer(NEW_ISSUER);
        assertEq(issuer.revoker, stranger);
        assertEq(issuer.id, 2);
        assertTrue(verifier.isTrustedIssuer(NEW_ISSUER));
    }

    function test_addIssuer_assignsNewIdIfReAdded() public {
        vm.startPrank(admin);
        verifier.removeIssuer(issuerKeyHash);
        verifier.addIssuer(issuerKeyHash, revoker);
        vm.stopPrank();
        assertEq(verifier.getIssuer(issuerKeyHash).id, 2);
    }

    function test_addIssuer_revertsIfNotAdmin() public {
        _expectUnauthorized(stranger, verifier.DEFAULT_ADMIN_ROLE());
        vm.prank(stranger);
        verifier.addIssuer(NEW_ISSUER, stranger);
    }

    function test_addIssuer_revertsIfKeyHashZero() public {
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierInvalidIssuerKeyHash.selector, 0));
        vm.prank(admin);
        verifier.addIssuer(0, stranger);
    }

    function test_addIssuer_revertsIfKeyHashOutOfField() public {
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierInvalidIssuerKeyHash.selector, SNARK_SCALAR_FIELD)
        );
        vm.prank(admin);
        verifier.addIssuer(SNARK_SCALAR_FIELD, stranger);
    }

    function test_addIssuer_revertsIfRevokerZero() public {
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierZeroAddress.selector, "revoker"));
        vm.prank(admin);
        verifier.addIssuer(NEW_ISSUER, address(0));
    }

    function test_addIssuer_revertsIfAlreadyTrusted() public {
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierIssuerAlreadyTrusted.selector, issuerKeyHash)
        );
        vm.prank(admin);
        verifier.addIssuer(issuerKeyHash, stranger);
    }

    function test_setIssuerRevoker_updatesRevokerAndKeepsRecords() public {
        assertTrue(_submit("accredited"));
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.IssuerRevokerUpdated(issuerKeyHash, revoker, stranger);
        vm.prank(admin);
        verifier.setIssuerRevoker(issuerKeyHash, stranger);
        assertEq(verifier.getIssuer(issuerKeyHash).revoker, stranger);
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_setIssuerRevoker_revertsIfNotAdmin() public {
        _expectUnauthorized(revoker, verifier.DEFAULT_ADMIN_ROLE());
        vm.prank(revoker);
        verifier.setIssuerRevoker(issuerKeyHash, stranger);
    }

    function test_setIssuerRevoker_revertsIfRevokerZero() public {
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierZeroAddress.selector, "revoker"));
        vm.prank(admin);
        verifier.setIssuerRevoker(issuerKeyHash, address(0));
    }

    function test_setIssuerRevoker_revertsIfIssuerNotTrusted() public {
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierIssuerNotTrusted.selector, NEW_ISSUER));
        vm.prank(admin);
        verifier.setIssuerRevoker(NEW_ISSUER, stranger);
    }

    function test_removeIssuer_untrustsIssuerAndEmitsIssuerRemoved() public {
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.IssuerRemoved(issuerKeyHash, 1);
        vm.prank(admin);
        verifier.removeIssuer(issuerKeyHash);
        assertFalse(verifier.isTrustedIssuer(issuerKeyHash));
        assertEq(verifier.getIssuer(issuerKeyHash).revoker, address(0));
    }

    function test_removeIssuer_revertsIfNotAdmin() public {
        _expectUnauthorized(revoker, verifier.DEFAULT_ADMIN_ROLE());
        vm.prank(revoker);
        verifier.removeIssuer(issuerKeyHash);
    }

    function test_removeIssuer_revertsIfIssuerNotTrusted() public {
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierIssuerNotTrusted.selector, NEW_ISSUER));
        vm.prank(admin);
        verifier.removeIssuer(NEW_ISSUER);
    }

    // --- revocation --------------------------------------------------------------------------------------------------

    function test_revokeCredential_revokesIfSentByRevoker() public {
        uint256 nullifier = 987654321;
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.CredentialRevoked(issuerKeyHash, nullifier, revoker);
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, nullifier);
        assertTrue(verifier.isRevoked(issuerKeyHash, nullifier));
        assertFalse(verifier.isRevoked(otherIssuerKeyHash, nullifier));
    }

    function test_revokeCredential_revokesIfSentByAdmin() public {
        vm.prank(admin);
        verifier.revokeCredential(issuerKeyHash, 1);
        assertTrue(verifier.isRevoked(issuerKeyHash, 1));
    }

    function test_revokeCredential_revokesIfIssuerRemovedAndSentByAdmin() public {
        vm.startPrank(admin);
        verifier.removeIssuer(issuerKeyHash);
        verifier.revokeCredential(issuerKeyHash, 1);
        vm.stopPrank();
        assertTrue(verifier.isRevoked(issuerKeyHash, 1));
    }

    function test_revokeCredential_worksIfPaused() public {
        vm.prank(admin);
        verifier.pause();
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, 1);
        assertTrue(verifier.isRevoked(issuerKeyHash, 1));
    }

    function test_revokeCredential_revertsIfSentByStranger() public {
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierUnauthorizedRevoker.selector, stranger, issuerKeyHash)
        );
        vm.prank(stranger);
        verifier.revokeCredential(issuerKeyHash, 1);
    }

    function test_revokeCredential_revertsIfSentByRevokerOfOtherIssuer() public {
        vm.prank(admin);
        verifier.addIssuer(otherIssuerKeyHash, stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierUnauthorizedRevoker.selector, stranger, issuerKeyHash)
        );
        vm.prank(stranger);
        verifier.revokeCredential(issuerKeyHash, 1);
    }

    function test_revokeCredential_revertsIfRevokerOfRemovedIssuer() public {
        vm.prank(admin);
        verifier.removeIssuer(issuerKeyHash);
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierUnauthorizedRevoker.selector, revoker, issuerKeyHash)
        );
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, 1);
    }

    function test_revokeCredential_revertsIfNullifierOutOfField() public {
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierSignalOutOfField.selector, 1, SNARK_SCALAR_FIELD)
        );
        vm.prank(revoker);
        verifier.revokeCredential(issuerKeyHash, SNARK_SCALAR_FIELD);
    }

    function test_revokeCredential_revertsIfAlreadyRevoked() public {
        vm.startPrank(revoker);
        verifier.revokeCredential(issuerKeyHash, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierCredentialAlreadyRevoked.selector, issuerKeyHash, 1)
        );
        verifier.revokeCredential(issuerKeyHash, 1);
        vm.stopPrank();
    }

    // --- configuration -----------------------------------------------------------------------------------------------

    function test_setMaxProofAge_updatesAndEmitsMaxProofAgeUpdated() public {
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.MaxProofAgeUpdated(MAX_PROOF_AGE, 2 hours);
        vm.prank(admin);
        verifier.setMaxProofAge(2 hours);
        assertEq(verifier.maxProofAge(), 2 hours);
    }

    function test_setMaxProofAge_revertsIfNotAdmin() public {
        _expectUnauthorized(stranger, verifier.DEFAULT_ADMIN_ROLE());
        vm.prank(stranger);
        verifier.setMaxProofAge(2 hours);
    }

    function test_setMaxProofAge_revertsIfZero() public {
        vm.expectRevert(IProofXVerifier.ProofXVerifierZeroMaxProofAge.selector);
        vm.prank(admin);
        verifier.setMaxProofAge(0);
    }

    function test_setVerifier_swapsVerifierAndVkeyHash() public {
        address next = address(new RejectingGroth16Verifier());
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.VerifierUpdated(address(groth16), next, bytes32(uint256(2)));
        vm.prank(admin);
        verifier.setVerifier(next, bytes32(uint256(2)), false);
        assertEq(verifier.verifier(), next);
        assertEq(verifier.vkeyHash(), bytes32(uint256(2)));
    }

    function test_setVerifier_rejectsOldProofsIfVerifierSwapped() public {
        // A different circuit's verifier rejects the fixture proofs even though every other check passes.
        address next = address(new RejectingGroth16Verifier());
        vm.prank(admin);
        verifier.setVerifier(next, bytes32(uint256(2)), false);
        assertFalse(_submit("accredited"));
    }

    function test_setVerifier_revertsIfNotUpgrader() public {
        _expectUnauthorized(stranger, verifier.UPGRADER_ROLE());
        vm.prank(stranger);
        verifier.setVerifier(address(groth16), vkeyHash, false);
    }

    function test_setVerifier_revertsIfAdminWithoutUpgraderRole() public {
        // A verifier swap changes the rules like an upgrade: DEFAULT_ADMIN_ROLE alone (the Safe) cannot do it.
        address safe = makeAddr("safe");
        vm.startPrank(admin);
        verifier.grantRole(verifier.DEFAULT_ADMIN_ROLE(), safe);
        vm.stopPrank();
        _expectUnauthorized(safe, verifier.UPGRADER_ROLE());
        vm.prank(safe);
        verifier.setVerifier(address(groth16), vkeyHash, true);
    }

    function test_setVerifier_revertsIfVerifierZero() public {
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierZeroAddress.selector, "groth16Verifier"));
        vm.prank(admin);
        verifier.setVerifier(address(0), vkeyHash, false);
    }

    function test_setVerifier_revertsIfVerifierHasNoCode() public {
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierVerifierHasNoCode.selector, stranger));
        vm.prank(admin);
        verifier.setVerifier(stranger, vkeyHash, false);
    }

    function test_setVerifier_revertsIfVkeyHashZero() public {
        vm.expectRevert(IProofXVerifier.ProofXVerifierZeroVkeyHash.selector);
        vm.prank(admin);
        verifier.setVerifier(address(groth16), bytes32(0), false);
    }

    // --- pause -------------------------------------------------------------------------------------------------------
    // The expected events and errors are OpenZeppelin PausableUpgradeable's: the ABI is unchanged although the flag
    // moved into ProofXVerifier's own storage.

    function test_pause_storesFlagInSlotSubmitProofReads() public {
        // ERC-7201 namespace proofx.storage.ProofXVerifier, slot 0: verifier (bytes 0-19), maxProofAge (20-24),
        // lastIssuerId (25-28), paused (29).
        bytes32 location = 0xe4cbf20b60ab67d1f95350055b62560972a20ae3a277bac819fe1ec0f4e25300;
        uint256 before = uint256(vm.load(FIXTURE_VERIFIER, location));
        assertEq(address(uint160(before)), address(groth16));
        assertEq(uint40(before >> 160), MAX_PROOF_AGE);
        assertEq(uint32(before >> 200), 1);
        assertEq(before >> 232, 0);
        vm.prank(admin);
        verifier.pause();
        assertEq(uint256(vm.load(FIXTURE_VERIFIER, location)), before | (1 << 232));
        // OpenZeppelin's Pausable namespace is not used.
        bytes32 ozPausable = 0xcd5ed15c6e187e77e9aee88184c21f4f2182ab5827cb3b7e07fbedcd63f03300;
        assertEq(vm.load(FIXTURE_VERIFIER, ozPausable), bytes32(0));
    }

    function test_pause_emitsPausedIfPauser() public {
        vm.expectEmit(FIXTURE_VERIFIER);
        emit PausableUpgradeable.Paused(admin);
        vm.prank(admin);
        verifier.pause();
        assertTrue(verifier.paused());
    }

    function test_pause_revertsIfNotPauser() public {
        _expectUnauthorized(signer, verifier.PAUSER_ROLE());
        vm.prank(signer);
        verifier.pause();
    }

    function test_pause_revertsIfAlreadyPaused() public {
        vm.startPrank(admin);
        verifier.pause();
        vm.expectRevert(PausableUpgradeable.EnforcedPause.selector);
        verifier.pause();
        vm.stopPrank();
    }

    function test_unpause_resumesSubmissionIfAdmin() public {
        vm.startPrank(admin);
        verifier.pause();
        vm.expectEmit(FIXTURE_VERIFIER);
        emit PausableUpgradeable.Unpaused(admin);
        verifier.unpause();
        vm.stopPrank();
        assertTrue(_submit("accredited"));
    }

    function test_unpause_revertsIfNotAdmin() public {
        vm.prank(admin);
        verifier.pause();
        _expectUnauthorized(stranger, verifier.DEFAULT_ADMIN_ROLE());
        vm.prank(stranger);
        verifier.unpause();
    }

    function test_unpause_revertsIfOnlyPauser() public {
        // The guardian stops the protocol at once; restarting it is the admin's (the Safe's) decision.
        address guardian = makeAddr("guardian");
        vm.startPrank(admin);
        verifier.grantRole(verifier.PAUSER_ROLE(), guardian);
        vm.stopPrank();
        vm.prank(guardian);
        verifier.pause();
        _expectUnauthorized(guardian, verifier.DEFAULT_ADMIN_ROLE());
        vm.prank(guardian);
        verifier.unpause();
        assertTrue(verifier.paused());
    }

    function test_unpause_revertsIfNotPaused() public {
        vm.expectRevert(PausableUpgradeable.ExpectedPause.selector);
        vm.prank(admin);
        verifier.unpause();
    }

    // --- verifier generations ----------------------------------------------------------------------------------------

    function test_setVerifier_startsGenerationAndKeepsRecordsIfMigrating() public {
        assertTrue(_submit("accredited"));
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.VerifierGenerationStarted(2, 0);
        vm.prank(admin);
        verifier.setVerifier(address(groth16), vkeyHash, false);
        assertEq(verifier.verifierGeneration(), 2);
        assertEq(verifier.validFromGeneration(), 0);
        assertEq(verifier.getComplianceRecord(alice, accreditedPolicyId).verifierGeneration, 1);
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
        assertTrue(_submit("accreditedBob"));
        assertEq(verifier.getComplianceRecord(bob, accreditedPolicyId).verifierGeneration, 2);
    }

    function test_setVerifier_voidsEveryEarlierRecordInOneCall() public {
        assertTrue(_submit("accredited"));
        assertTrue(_submit("accreditedBob"));
        assertTrue(_submit("retail"));
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.VerifierGenerationStarted(2, 2);
        vm.prank(admin);
        verifier.setVerifier(address(groth16), vkeyHash, true);
        assertEq(verifier.validFromGeneration(), 2);
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
        assertFalse(verifier.isCompliant(bob, accreditedPolicyId));
        assertFalse(verifier.isCompliant(alice, retailPolicyId));
        // The records are kept (monitoring can still read them); proving again under the new generation counts.
        assertEq(verifier.getComplianceRecord(alice, accreditedPolicyId).verifierGeneration, 1);
        assertTrue(_submit("accredited"));
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
        assertFalse(verifier.isCompliant(bob, accreditedPolicyId));
    }

    function test_setVerifier_keepsVoidingIfLaterSwapMigrates() public {
        assertTrue(_submit("accredited"));
        vm.startPrank(admin);
        verifier.setVerifier(address(groth16), vkeyHash, true);
        verifier.setVerifier(address(groth16), vkeyHash, false);
        vm.stopPrank();
        assertEq(verifier.validFromGeneration(), 2);
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_setVerifier_revertsIfGenerationsExhausted() public {
        vm.startPrank(admin);
        for (uint256 i = 1; i < type(uint8).max; ++i) {
            verifier.setVerifier(address(groth16), vkeyHash, false);
        }
        assertEq(verifier.verifierGeneration(), type(uint8).max);
        vm.expectRevert(
            abi.encodeWithSelector(IProofXVerifier.ProofXVerifierGenerationsExhausted.selector, type(uint8).max)
        );
        verifier.setVerifier(address(groth16), vkeyHash, true);
        vm.stopPrank();
    }

    function test_addIssuer_revertsIfIssuerIdsExhausted() public {
        // Slot 0 of the namespace: lastIssuerId is bytes 25-28.
        bytes32 location = 0xe4cbf20b60ab67d1f95350055b62560972a20ae3a277bac819fe1ec0f4e25300;
        uint256 slot0 = uint256(vm.load(FIXTURE_VERIFIER, location));
        uint256 maxId = type(uint24).max;
        slot0 = (slot0 & ~(uint256(type(uint32).max) << 200)) | (maxId << 200);
        vm.store(FIXTURE_VERIFIER, location, bytes32(slot0));
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierIssuerIdsExhausted.selector, maxId));
        vm.prank(admin);
        verifier.addIssuer(NEW_ISSUER, revoker);
    }

    // --- gates -------------------------------------------------------------------------------------------------------

    function test_closeGates_makesEveryRecordNotCompliantIfPauser() public {
        assertTrue(_submit("accredited"));
        assertTrue(_submit("retail"));
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.GatesClosed(admin);
        vm.prank(admin);
        verifier.closeGates();
        assertTrue(verifier.gatesClosed());
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
        assertFalse(verifier.isCompliant(alice, retailPolicyId));
        // Submission is a separate switch: proofs still verify and are recorded, but count only once the gates open.
        assertFalse(verifier.paused());
        assertTrue(_submit("accreditedBob"));
        assertFalse(verifier.isCompliant(bob, accreditedPolicyId));
    }

    function test_openGates_restoresRecordsIfAdmin() public {
        assertTrue(_submit("accredited"));
        vm.startPrank(admin);
        verifier.closeGates();
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.GatesOpened(admin);
        verifier.openGates();
        vm.stopPrank();
        assertFalse(verifier.gatesClosed());
        assertTrue(verifier.isCompliant(alice, accreditedPolicyId));
    }

    function test_closeGates_revertsIfNotPauser() public {
        _expectUnauthorized(signer, verifier.PAUSER_ROLE());
        vm.prank(signer);
        verifier.closeGates();
    }

    function test_closeGates_revertsIfAlreadyClosed() public {
        vm.startPrank(admin);
        verifier.closeGates();
        vm.expectRevert(IProofXVerifier.ProofXVerifierGatesClosed.selector);
        verifier.closeGates();
        vm.stopPrank();
    }

    function test_openGates_revertsIfNotAdmin() public {
        vm.prank(admin);
        verifier.closeGates();
        _expectUnauthorized(stranger, verifier.DEFAULT_ADMIN_ROLE());
        vm.prank(stranger);
        verifier.openGates();
    }

    function test_openGates_revertsIfOnlyPauser() public {
        // The guardian closes the gates at once; reopening them is the admin's (the Safe's) decision.
        address guardian = makeAddr("guardian");
        vm.startPrank(admin);
        verifier.grantRole(verifier.PAUSER_ROLE(), guardian);
        vm.stopPrank();
        vm.prank(guardian);
        verifier.closeGates();
        _expectUnauthorized(guardian, verifier.DEFAULT_ADMIN_ROLE());
        vm.prank(guardian);
        verifier.openGates();
        assertTrue(verifier.gatesClosed());
    }

    function test_openGates_revertsIfAlreadyOpen() public {
        vm.expectRevert(IProofXVerifier.ProofXVerifierGatesOpen.selector);
        vm.prank(admin);
        verifier.openGates();
    }

    function test_closeGates_worksWithSeparatePauserAccount() public {
        address pauser = makeAddr("pauser");
        bytes32 pauserRole = verifier.PAUSER_ROLE();
        vm.prank(admin);
        verifier.grantRole(pauserRole, pauser);
        assertTrue(_submit("accredited"));
        vm.startPrank(pauser);
        verifier.pause();
        verifier.closeGates();
        vm.stopPrank();
        assertFalse(verifier.isCompliant(alice, accreditedPolicyId));
    }
}
