// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ComplianceGatedVault} from "../../src/examples/ComplianceGatedVault.sol";

/// @dev A depositor whose receive() withdraws again, to show ComplianceGatedVault's reentrancy guard. Etched onto a
/// compliant account's address (the vault is an immutable, so it survives vm.etch).
contract ReentrantWithdrawer {
    ComplianceGatedVault internal immutable vault;

    constructor(ComplianceGatedVault vault_) {
        vault = vault_;
    }

    receive() external payable {
        vault.withdraw(msg.value);
    }
}
