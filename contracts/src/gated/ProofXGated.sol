// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IProofXVerifier} from "../interfaces/IProofXVerifier.sol";

/// @title ProofXGated
/// @notice Inherit this to restrict functions to accounts that hold a valid ProofX compliance record:
/// `function deposit() external payable onlyCompliant(POLICY_ID) { ... }`.
/// @dev The verifier is fixed at construction; point it at the ProofXVerifier proxy, not an implementation.
abstract contract ProofXGated {
    /// @notice The ProofXVerifier proxy consulted by {onlyCompliant}.
    IProofXVerifier public immutable proofXVerifier;

    /// @notice `account` has no valid compliance record for `policyId`.
    error ProofXGatedNotCompliant(address account, uint256 policyId);
    /// @notice The verifier address has no code.
    error ProofXGatedVerifierHasNoCode(address verifier);

    /// @param verifier_ The ProofXVerifier proxy.
    constructor(IProofXVerifier verifier_) {
        if (address(verifier_).code.length == 0) revert ProofXGatedVerifierHasNoCode(address(verifier_));
        proofXVerifier = verifier_;
    }

    /// @dev Reverts with {ProofXGatedNotCompliant} unless `msg.sender` is compliant with `policyId`.
    modifier onlyCompliant(uint256 policyId) {
        _checkCompliant(msg.sender, policyId);
        _;
    }

    /// @dev Reverts with {ProofXGatedNotCompliant} unless `account` is compliant with `policyId`.
    function _checkCompliant(address account, uint256 policyId) internal view virtual {
        if (!proofXVerifier.isCompliant(account, policyId)) revert ProofXGatedNotCompliant(account, policyId);
    }
}
