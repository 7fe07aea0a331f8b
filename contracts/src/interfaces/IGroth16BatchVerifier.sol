// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IGroth16BatchVerifier
/// @notice Checks many Groth16 proofs of one verification key at once (Groth16BatchVerifier, generated from the key
/// Groth16Verifier embeds).
interface IGroth16BatchVerifier {
    /// @notice Whether every proof in `proofs` verifies: true only if all do (up to a 2^-253 chance per attempt, see
    /// the contract's NatSpec), false if any does not or any input is malformed. Never reverts for bad input.
    /// @param proofs n proofs back to back, {PROOF_WORDS} words each: a (2 words), b (4, in the precompile's
    /// x.imaginary, x.real, y.imaginary, y.real order, as Groth16Verifier takes it), c (2), then the public signals.
    function verifyProofs(uint256[] calldata proofs) external view returns (bool);

    /// @notice The random-linear-combination coefficients {verifyProofs} uses for `proofs`: keccak256(seed, i) mod r
    /// with seed = keccak256(vkeyHash, proofs), so they depend on every word of the batch.
    function batchCoefficients(uint256[] calldata proofs) external pure returns (uint256[] memory);

    /// @notice keccak256(abi.encode(uint256[])) of the verification key, as ProofXVerifier stores it ({vkeyHash}).
    function vkeyHash() external pure returns (bytes32);

    /// @notice How many public signals each proof has.
    function publicSignalCount() external pure returns (uint256);
}
