// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IProofXVerifier} from "../src/interfaces/IProofXVerifier.sol";
import {BatchBase} from "./utils/BatchBase.t.sol";

/// @dev Differential fuzz test: submitProofs gives every entry exactly the outcome submitProof gives it (verified or
/// not, and the same records), for random mixes of valid proofs, tampered points and signals, entries that fail the
/// checks, and duplicates.
contract ProofXVerifierSubmitProofsFuzzTest is BatchBase {
    /// @dev Tampers entry `i` of `entries` as `roll` says; most entries stay valid.
    function _tamper(IProofXVerifier.ProofSubmission[] memory entries, uint256 i, uint256 roll) internal view {
        IProofXVerifier.ProofXProof memory p = entries[i].proof;
        uint256 kind = roll % 12;
        uint256 value = roll >> 8;
        if (kind == 0) p.a[value % 2] = value; // an arbitrary coordinate: almost surely off the curve
        else if (kind == 1) p.b[value % 2][(value >> 1) % 2] = value;
        else if (kind == 2) p.c = _g1Add(p.c, [G1_X, G1_Y]); // on the curve, wrong
        else if (kind == 3) p.a = _negateG1(p.a);
        else if (kind == 4) p.nullifier = value % SNARK_SCALAR_FIELD;
        else if (kind == 5) p.timestamp -= value % 100;
        else if (kind == 6) entries[i].subject = address(uint160(value));
        else if (kind == 7) entries[i].policyId = value % 4; // 1 and 2 exist, 0 and 3 do not
        else if (kind == 8 && i > 0) entries[i] = entries[value % i]; // a duplicate of an earlier entry
        else if (kind == 9 && p.a[1] + BASE_FIELD > p.a[1]) p.a[1] += BASE_FIELD; // a non-canonical coordinate
        // 10, 11: unchanged
    }

    function _recordHashes(IProofXVerifier.ProofSubmission[] memory entries)
        internal
        view
        returns (bytes32[] memory h)
    {
        h = new bytes32[](entries.length);
        for (uint256 i; i < entries.length; ++i) {
            h[i] = keccak256(abi.encode(verifier.getComplianceRecord(entries[i].subject, entries[i].policyId)));
        }
    }

    function testFuzz_submitProofs_acceptsExactlyWhatSubmitProofAccepts(uint256 seed, uint8 size, bool revokeOne)
        public
    {
        uint256 n = bound(size, 1, 8);
        IProofXVerifier.ProofSubmission[] memory entries = _batch(n);
        for (uint256 i; i < n; ++i) {
            _tamper(entries, i, uint256(keccak256(abi.encode(seed, i))));
        }
        if (revokeOne) {
            vm.prank(revoker);
            verifier.revokeCredential(issuerKeyHash, entries[seed % n].proof.nullifier % SNARK_SCALAR_FIELD);
        }

        uint256 snapshot = vm.snapshotState();
        vm.prank(signer);
        bool[] memory batch = verifier.submitProofs(entries);
        bytes32[] memory batchRecords = _recordHashes(entries);
        vm.revertToState(snapshot);

        for (uint256 i; i < n; ++i) {
            bool single;
            vm.prank(signer);
            try verifier.submitProof(entries[i].policyId, entries[i].subject, entries[i].proof) returns (bool v) {
                single = v;
            } catch {}
            assertEq(batch[i], single, string.concat("entry ", vm.toString(i)));
        }
        bytes32[] memory singleRecords = _recordHashes(entries);
        for (uint256 i; i < n; ++i) {
            assertEq(batchRecords[i], singleRecords[i]);
        }
    }
}
