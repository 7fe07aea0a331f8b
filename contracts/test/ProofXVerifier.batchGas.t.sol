// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {console} from "forge-std/console.sol";
import {IProofXVerifier} from "../src/interfaces/IProofXVerifier.sol";
import {BatchBase} from "./utils/BatchBase.t.sol";

/// @dev Gas per proof of submitProofs (new records, sent by a signer) against the issue's targets, estimated for a
/// transaction like ProofXVerifierGasTest does; `npm run bench` reports the same figures from anvil receipts.
contract ProofXVerifierBatchGasTest is BatchBase {
    /// @dev Issue 16: gas per proof in a batch of 8 and of 32.
    uint256 internal constant PER_PROOF_BUDGET_8 = 120_000;
    uint256 internal constant PER_PROOF_BUDGET_32 = 100_000;
    /// @dev See ProofXVerifierGasTest: forge charges the verifier called from the frame as warm after vm.cool.
    uint256 internal constant COLD_MINUS_WARM_ACCESS = 2_500;

    function _transactionGas(uint256 n) internal returns (uint256) {
        IProofXVerifier.ProofSubmission[] memory entries = _batch(n);
        vm.cool(address(batchVerifier));
        vm.cool(address(groth16));
        vm.cool(address(implementation));
        vm.cool(FIXTURE_VERIFIER);
        vm.prank(signer);
        bool[] memory verified = verifier.submitProofs(entries);
        uint256 frameGas = vm.lastCallGas().gasTotalUsed;
        for (uint256 i; i < n; ++i) {
            assertTrue(verified[i]);
        }
        bytes memory data = abi.encodeCall(verifier.submitProofs, (entries));
        uint256 calldataGas;
        for (uint256 i; i < data.length; ++i) {
            calldataGas += data[i] == 0 ? 4 : 16;
        }
        return frameGas + COLD_MINUS_WARM_ACCESS + 21_000 + calldataGas;
    }

    function test_submitProofs_staysWithinPerProofBudgets() public {
        uint256[6] memory sizes = [uint256(1), 2, 4, 8, 16, 32];
        for (uint256 i; i < sizes.length; ++i) {
            uint256 snapshot = vm.snapshotState();
            uint256 total = _transactionGas(sizes[i]);
            console.log(
                string.concat("submitProofs n=", vm.toString(sizes[i]), " transaction gas per proof:"), total / sizes[i]
            );
            if (sizes[i] == 8) assertLe(total / 8, PER_PROOF_BUDGET_8);
            if (sizes[i] == 32) assertLe(total / 32, PER_PROOF_BUDGET_32);
            vm.revertToState(snapshot);
        }
    }
}
