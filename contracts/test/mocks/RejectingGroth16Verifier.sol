// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IGroth16Verifier} from "../../src/interfaces/IGroth16Verifier.sol";

/// @dev Stands in for the verifier of another circuit: it rejects every proof, so tests can show that
/// setVerifier takes effect.
contract RejectingGroth16Verifier is IGroth16Verifier {
    function verifyProof(uint256[2] calldata, uint256[2][2] calldata, uint256[2] calldata, uint256[4] calldata)
        external
        pure
        returns (bool)
    {
        return false;
    }
}
