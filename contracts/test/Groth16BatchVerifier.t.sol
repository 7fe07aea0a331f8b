// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {stdJson} from "forge-std/StdJson.sol";
import {Groth16BatchVerifierHarness} from "./mocks/Groth16BatchVerifierHarness.sol";
import {BatchBase} from "./utils/BatchBase.t.sol";

/// @dev The generated batch verifier on its own, against the snarkjs Groth16Verifier of the same key.
contract Groth16BatchVerifierTest is BatchBase {
    using stdJson for string;

    function _single(uint256[] memory input, uint256 index) internal view returns (bool) {
        uint256 o = index * 12;
        return groth16.verifyProof(
            [input[o], input[o + 1]],
            [[input[o + 2], input[o + 3]], [input[o + 4], input[o + 5]]],
            [input[o + 6], input[o + 7]],
            [input[o + 8], input[o + 9], input[o + 10], input[o + 11]]
        );
    }

    function test_vkeyHash_isTheKeyOfGroth16Verifier() public view {
        assertEq(batchVerifier.vkeyHash(), fixtures.readBytes32(".vkeyHash"));
        assertEq(batchVerifier.vkeyHash(), verifier.vkeyHash());
        assertEq(batchVerifier.publicSignalCount(), 4);
        assertEq(batchVerifier.PROOF_WORDS(), 12);
    }

    function test_verifyProofs_acceptsEveryFixtureAloneLikeGroth16Verifier() public view {
        uint256[] memory input = _verifierInput(_batch(BATCH_FIXTURES));
        for (uint256 i; i < BATCH_FIXTURES; ++i) {
            uint256[] memory one = new uint256[](12);
            for (uint256 w; w < 12; ++w) {
                one[w] = input[i * 12 + w];
            }
            assertTrue(_single(input, i));
            assertTrue(batchVerifier.verifyProofs(one));
        }
    }

    function test_verifyProofs_acceptsAll32Fixtures() public view {
        assertTrue(batchVerifier.verifyProofs(_verifierInput(_batch(BATCH_FIXTURES))));
    }

    function test_verifyProofs_returnsFalseIfEmptyOrRagged() public view {
        assertFalse(batchVerifier.verifyProofs(new uint256[](0)));
        uint256[] memory input = _verifierInput(_batch(2));
        uint256[] memory ragged = new uint256[](23);
        for (uint256 w; w < 23; ++w) {
            ragged[w] = input[w];
        }
        assertFalse(batchVerifier.verifyProofs(ragged));
    }

    function test_verifyProofs_returnsFalseIfAnySignalChanged() public view {
        uint256[] memory input = _verifierInput(_batch(3));
        for (uint256 w = 8; w < 12; ++w) {
            uint256[] memory changed = _copy(input);
            changed[12 + w] += 1;
            assertFalse(batchVerifier.verifyProofs(changed));
        }
    }

    function test_verifyProofs_returnsFalseIfSignalNotInField() public view {
        uint256[] memory input = _verifierInput(_batch(3));
        // Same value modulo r: only the field check stops it.
        input[12 + 9] += SNARK_SCALAR_FIELD;
        assertFalse(batchVerifier.verifyProofs(input));
    }

    function test_verifyProofs_returnsFalseIfCoordinateNotInBaseField() public view {
        uint256[] memory input = _verifierInput(_batch(2));
        // A's y + q is the same point modulo q; the precompile refuses non-canonical coordinates.
        input[1] += BASE_FIELD;
        assertFalse(batchVerifier.verifyProofs(input));
    }

    function test_verifyProofs_returnsFalseIfPointNotOnCurve() public view {
        uint256[] memory input = _verifierInput(_batch(2));
        input[12 + 6] = 1;
        input[12 + 7] = 3;
        assertFalse(batchVerifier.verifyProofs(input));
    }

    function test_batchCoefficients_dependOnEveryWord() public view {
        uint256[] memory input = _verifierInput(_batch(2));
        uint256[] memory base = batchVerifier.batchCoefficients(input);
        assertEq(base.length, 2);
        assertNotEq(base[0], base[1]);
        for (uint256 w; w < input.length; ++w) {
            uint256[] memory changed = _copy(input);
            changed[w] ^= 1;
            uint256[] memory other = batchVerifier.batchCoefficients(changed);
            assertTrue(other[0] != base[0] && other[1] != base[1]);
        }
    }

    /// @dev Differential: for any mix of valid and tampered proofs, the batch is accepted exactly when Groth16Verifier
    /// accepts every proof alone.
    function testFuzz_verifyProofs_acceptsIfAndOnlyIfEveryProofVerifies(uint256 seed, uint8 size) public view {
        uint256 n = bound(size, 1, 6);
        uint256[] memory input = _verifierInput(_batch(n));
        for (uint256 i; i < n; ++i) {
            uint256 roll = uint256(keccak256(abi.encode(seed, i)));
            if (roll % 3 != 0) continue;
            uint256 word = i * 12 + (roll >> 8) % 12;
            // Small changes (off by one) and arbitrary values.
            input[word] = (roll >> 16) % 2 == 0 ? input[word] + 1 : roll >> 24;
        }
        bool all = true;
        for (uint256 i; i < n; ++i) {
            all = all && _single(input, i);
        }
        assertEq(batchVerifier.verifyProofs(input), all);
    }

    function test_harness_acceptsValidBatchWithAnyCoefficients() public {
        Groth16BatchVerifierHarness harness = new Groth16BatchVerifierHarness();
        uint256[] memory input = _verifierInput(_batch(3));
        uint256[] memory coefficients = new uint256[](3);
        coefficients[0] = 7;
        coefficients[1] = SNARK_SCALAR_FIELD - 1;
        coefficients[2] = 0;
        assertTrue(harness.verifyWithCoefficients(input, coefficients));
    }

    function _copy(uint256[] memory input) internal pure returns (uint256[] memory copy) {
        copy = new uint256[](input.length);
        for (uint256 i; i < input.length; ++i) {
            copy[i] = input[i];
        }
    }
}
