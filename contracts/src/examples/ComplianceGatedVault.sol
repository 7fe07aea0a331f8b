// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {ProofXGated} from "../gated/ProofXGated.sol";
import {IProofXVerifier} from "../interfaces/IProofXVerifier.sol";

/// @title ComplianceGatedVault
/// @notice Example consumer: an ETH vault that only accepts deposits from accounts compliant with one policy.
/// Withdrawals stay open to every depositor, so funds are never locked when a record expires or is revoked.
contract ComplianceGatedVault is ProofXGated, ReentrancyGuard {
    /// @notice The policy depositors must comply with.
    uint256 public immutable policyId;

    /// @notice Deposited ETH per account.
    mapping(address account => uint256 amount) public balanceOf;

    /// @notice Emitted when `account` deposits `amount` wei.
    event Deposited(address indexed account, uint256 amount);
    /// @notice Emitted when `account` withdraws `amount` wei.
    event Withdrawn(address indexed account, uint256 amount);

    /// @notice A deposit of zero wei.
    error ComplianceGatedVaultZeroDeposit();
    /// @notice A withdrawal larger than the balance.
    error ComplianceGatedVaultInsufficientBalance(address account, uint256 balance, uint256 amount);

    /// @param verifier_ The ProofXVerifier proxy.
    /// @param policyId_ The policy depositors must comply with.
    constructor(IProofXVerifier verifier_, uint256 policyId_) ProofXGated(verifier_) {
        policyId = policyId_;
    }

    /// @notice Deposits `msg.value` wei. Only accounts compliant with {policyId}. Emits a {Deposited} event.
    function deposit() external payable onlyCompliant(policyId) {
        if (msg.value == 0) revert ComplianceGatedVaultZeroDeposit();
        balanceOf[msg.sender] += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    /// @notice Withdraws `amount` wei of the sender's deposit. Emits a {Withdrawn} event.
    function withdraw(uint256 amount) external nonReentrant {
        uint256 balance = balanceOf[msg.sender];
        if (amount > balance) revert ComplianceGatedVaultInsufficientBalance(msg.sender, balance, amount);
        balanceOf[msg.sender] = balance - amount;
        emit Withdrawn(msg.sender, amount);
        Address.sendValue(payable(msg.sender), amount);
    }
}
