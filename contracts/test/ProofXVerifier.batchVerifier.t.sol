// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Groth16BatchVerifier} from "../src/Groth16BatchVerifier.sol";
import {IProofXVerifier} from "../src/interfaces/IProofXVerifier.sol";
import {RejectingGroth16Verifier} from "./mocks/RejectingGroth16Verifier.sol";
import {BatchBase} from "./utils/BatchBase.t.sol";

/// @dev setBatchVerifier: who may set it, that its key must be the Groth16 verifier's, and that a new key unsets it.
contract ProofXVerifierBatchVerifierTest is BatchBase {
    function test_setBatchVerifier_setsAndEmitsBatchVerifierUpdated() public {
        Groth16BatchVerifier next = new Groth16BatchVerifier();
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.BatchVerifierUpdated(address(batchVerifier), address(next));
        vm.prank(admin);
        verifier.setBatchVerifier(address(next));
        assertEq(verifier.batchVerifier(), address(next));
    }

    function test_setBatchVerifier_unsetsIfZero() public {
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.BatchVerifierUpdated(address(batchVerifier), address(0));
        vm.prank(admin);
        verifier.setBatchVerifier(address(0));
        assertEq(verifier.batchVerifier(), address(0));
    }

    function test_setBatchVerifier_revertsIfNotUpgrader() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, signer, verifier.UPGRADER_ROLE()
            )
        );
        vm.prank(signer);
        verifier.setBatchVerifier(address(batchVerifier));
    }

    function test_setBatchVerifier_revertsIfNoCode() public {
        vm.expectRevert(abi.encodeWithSelector(IProofXVerifier.ProofXVerifierVerifierHasNoCode.selector, stranger));
        vm.prank(admin);
        verifier.setBatchVerifier(stranger);
    }

    function test_setBatchVerifier_revertsIfKeyDiffers() public {
        vm.startPrank(admin);
        verifier.setBatchVerifier(address(0));
        verifier.setVerifier(address(new RejectingGroth16Verifier()), bytes32(uint256(2)), false);
        vm.expectRevert(
            abi.encodeWithSelector(
                IProofXVerifier.ProofXVerifierBatchVerifierKeyMismatch.selector,
                address(batchVerifier),
                vkeyHash,
                bytes32(uint256(2))
            )
        );
        verifier.setBatchVerifier(address(batchVerifier));
        vm.stopPrank();
    }

    function test_setVerifier_unsetsBatchVerifierIfKeyChanges() public {
        address next = address(new RejectingGroth16Verifier());
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.BatchVerifierUpdated(address(batchVerifier), address(0));
        vm.prank(admin);
        verifier.setVerifier(next, bytes32(uint256(2)), false);
        assertEq(verifier.batchVerifier(), address(0));
        // Batches still work, proof by proof, against the new verifier (which rejects the old circuit's proofs).
        bool[] memory verified = _submitBatch(_batch(2));
        assertFalse(verified[0] || verified[1]);
    }

    function test_setVerifier_keepsBatchVerifierIfKeyUnchanged() public {
        vm.prank(admin);
        verifier.setVerifier(address(groth16), vkeyHash, false);
        assertEq(verifier.batchVerifier(), address(batchVerifier));
    }

    function test_batchVerifier_isZeroAfterInitialize() public {
        vm.prank(admin);
        verifier.setBatchVerifier(address(0));
        assertEq(verifier.batchVerifier(), address(0));
        assertEq(verifier.MAX_BATCH_SIZE(), 64);
    }
}
