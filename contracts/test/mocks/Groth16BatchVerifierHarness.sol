// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Groth16BatchVerifier} from "../../src/Groth16BatchVerifier.sol";

/// @dev Exposes the pairing product for chosen coefficients, to show what fixed or predictable coefficients would
/// accept.
contract Groth16BatchVerifierHarness is Groth16BatchVerifier {
    function verifyWithCoefficients(uint256[] calldata proofs, uint256[] calldata coefficients)
        external
        view
        returns (bool)
    {
        return _verify(proofs, coefficients);
    }
}
