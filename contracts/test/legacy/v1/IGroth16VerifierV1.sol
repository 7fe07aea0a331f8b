// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IGroth16Verifier
/// @notice The function of the snarkjs-generated `Groth16Verifier` for the compliance circuit (4 public signals:
/// issuerKeyHash, nullifier, policyHash, context).
interface IGroth16VerifierV1 {
    /// @notice Runs the Groth16 pairing check. Returns false (never reverts) for an invalid proof or a signal >= r.
    function verifyProof(
        uint256[2] calldata pA,
        uint256[2][2] calldata pB,
        uint256[2] calldata pC,
        uint256[4] calldata pubSignals
    ) external view returns (bool);
}
