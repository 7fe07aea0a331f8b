// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IProofXVerifier} from "../src/interfaces/IProofXVerifier.sol";
import {Base} from "./utils/Base.t.sol";

/// @dev The generated verifier on its own: every fixture proof verifies with its own signals and fails with others.
contract Groth16VerifierTest is Base {
    function _verify(string memory name, uint256[4] memory signals) internal view returns (bool) {
        (IProofXVerifier.ProofXProof memory proof,,) = _fixture(name);
        return groth16.verifyProof(proof.a, proof.b, proof.c, signals);
    }

    function test_verifyProof_returnsTrueForEveryFixture() public view {
        string[7] memory names = [
            "accredited",
            "accreditedBob",
            "retail",
            "accreditedOld",
            "accreditedRenewal",
            "accreditedOtherIssuer",
            "accreditedChain1"
        ];
        for (uint256 i; i < names.length; ++i) {
            assertTrue(_verify(names[i], _fixtureSignals(names[i])), names[i]);
        }
    }

    function test_verifyProof_returnsFalseIfAnySignalChanged() public view {
        uint256[4] memory signals = _fixtureSignals("accredited");
        for (uint256 i; i < 4; ++i) {
            uint256[4] memory changed = signals;
            changed[i] = signals[i] + 1;
            assertFalse(_verify("accredited", changed));
        }
    }

    function test_verifyProof_returnsFalseIfSignalNotInField() public view {
        uint256[4] memory signals = _fixtureSignals("accredited");
        // Same value modulo r: only the field check stops it.
        signals[1] += SNARK_SCALAR_FIELD;
        assertFalse(_verify("accredited", signals));
    }

    function test_verifyProof_returnsFalseIfSignalsOfOtherProof() public view {
        assertFalse(_verify("accredited", _fixtureSignals("accreditedBob")));
    }

    function test_fixtures_matchContractLayout() public view {
        // The contract builds [issuerKeyHash, nullifier, policyHash, subject | timestamp << 160 | scopeTag << 200].
        uint256[4] memory signals = _fixtureSignals("accredited");
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture("accredited");
        assertEq(signals[0], proof.issuerKeyHash);
        assertEq(signals[0], issuerKeyHash);
        assertEq(signals[1], proof.nullifier);
        assertEq(signals[2], verifier.getPolicy(policyId).policyHash);
        assertEq(signals[3], uint256(uint160(subject)) | proof.timestamp << 160 | verifier.scope() << 200);
        assertEq(signals[3] & type(uint160).max, uint256(uint160(subject)));
        assertEq((signals[3] >> 160) & type(uint40).max, proof.timestamp);
        assertEq(signals[3] >> 200, verifier.scope());
        assertLt(verifier.scope(), 1 << 53);
        // keccak256(abi.encode(chainId, proxy)) mod 2^53, as the SDK computes it (fixtures' `scope`).
        assertEq(verifier.scope(), uint256(keccak256(abi.encode(block.chainid, FIXTURE_VERIFIER))) & ((1 << 53) - 1));
        assertEq(verifier.scope(), vm.parseJsonUint(fixtures, ".scope"));
    }
}
