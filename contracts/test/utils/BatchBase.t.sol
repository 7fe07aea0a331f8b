// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {stdJson} from "forge-std/StdJson.sol";
import {Groth16BatchVerifier} from "../../src/Groth16BatchVerifier.sol";
import {IProofXVerifier} from "../../src/interfaces/IProofXVerifier.sol";
import {Base} from "./Base.t.sol";

/// @dev Base plus the generated batch verifier installed, and the 32 real proofs of batch-proofs.json (32 subjects,
/// every fourth under the retail policy), for submitProofs tests.
abstract contract BatchBase is Base {
    using stdJson for string;

    uint256 internal constant BATCH_FIXTURES = 32;
    /// @dev BN254 G1 generator, a point to tamper proofs with.
    uint256 internal constant G1_X = 1;
    uint256 internal constant G1_Y = 2;

    string internal batchFixtures;
    Groth16BatchVerifier internal batchVerifier;

    function setUp() public virtual override {
        super.setUp();
        batchFixtures = vm.readFile(string.concat(vm.projectRoot(), "/contracts/test/fixtures/batch-proofs.json"));
        assertEq(batchFixtures.readUint(".chainId"), block.chainid, "batch fixtures are for another chain id");
        assertEq(batchFixtures.readAddress(".verifier"), FIXTURE_VERIFIER, "batch fixtures are for another verifier");
        assertEq(batchFixtures.readUint(".now"), fixtureNow, "batch fixtures are for another time");
        batchVerifier = new Groth16BatchVerifier();
        vm.prank(admin);
        verifier.setBatchVerifier(address(batchVerifier));
    }

    /// @dev Batch fixture `index` (0..31) as a submitProofs entry.
    function _batchEntry(uint256 index) internal view returns (IProofXVerifier.ProofSubmission memory entry) {
        uint256[] memory v = batchFixtures.readUintArray(string.concat(".entries[", vm.toString(index), "]"));
        entry.policyId = v[0];
        entry.subject = address(uint160(v[1]));
        entry.proof.issuerKeyHash = v[2];
        entry.proof.nullifier = v[3];
        entry.proof.timestamp = v[4];
        entry.proof.a = [v[5], v[6]];
        entry.proof.b = [[v[7], v[8]], [v[9], v[10]]];
        entry.proof.c = [v[11], v[12]];
    }

    /// @dev The first `count` batch fixtures.
    function _batch(uint256 count) internal view returns (IProofXVerifier.ProofSubmission[] memory entries) {
        entries = new IProofXVerifier.ProofSubmission[](count);
        for (uint256 i; i < count; ++i) {
            entries[i] = _batchEntry(i);
        }
    }

    function _policyHashOf(uint256 policyId) internal view returns (uint256) {
        return policyId == accreditedPolicyId ? accreditedPolicyHash : retailPolicyHash;
    }

    /// @dev Groth16BatchVerifier's input for `entries`, with the signals ProofXVerifier builds for them.
    function _verifierInput(IProofXVerifier.ProofSubmission[] memory entries)
        internal
        view
        returns (uint256[] memory input)
    {
        input = new uint256[](entries.length * 12);
        uint256 scopeTag = verifier.scope();
        for (uint256 i; i < entries.length; ++i) {
            IProofXVerifier.ProofXProof memory p = entries[i].proof;
            uint256[12] memory words = [
                p.a[0],
                p.a[1],
                p.b[0][0],
                p.b[0][1],
                p.b[1][0],
                p.b[1][1],
                p.c[0],
                p.c[1],
                p.issuerKeyHash,
                p.nullifier,
                _policyHashOf(entries[i].policyId),
                uint256(uint160(entries[i].subject)) | p.timestamp << 160 | scopeTag << 200
            ];
            for (uint256 w; w < 12; ++w) {
                input[i * 12 + w] = words[w];
            }
        }
    }

    // --- G1 arithmetic through the precompiles, to craft proofs -----------------------------------------------------

    function _g1Add(uint256[2] memory p, uint256[2] memory q) internal view returns (uint256[2] memory sum) {
        (bool ok, bytes memory out) = address(0x06).staticcall(abi.encode(p[0], p[1], q[0], q[1]));
        assertTrue(ok, "ecAdd");
        (sum[0], sum[1]) = abi.decode(out, (uint256, uint256));
    }

    function _g1Mul(uint256[2] memory p, uint256 s) internal view returns (uint256[2] memory product) {
        (bool ok, bytes memory out) = address(0x07).staticcall(abi.encode(p[0], p[1], s));
        assertTrue(ok, "ecMul");
        (product[0], product[1]) = abi.decode(out, (uint256, uint256));
    }

    /// @dev Submits as the signer and returns the per-entry results.
    function _submitBatch(IProofXVerifier.ProofSubmission[] memory entries) internal returns (bool[] memory) {
        vm.prank(signer);
        return verifier.submitProofs(entries);
    }
}
