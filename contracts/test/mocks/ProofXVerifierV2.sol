// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ProofXVerifier} from "../../src/ProofXVerifier.sol";

/// @dev A safe upgrade: keeps ProofXVerifier's storage and adds its own ERC-7201 namespace.
/// @custom:oz-upgrades-from contracts/src/ProofXVerifier.sol:ProofXVerifier
contract ProofXVerifierV2 is ProofXVerifier {
    /// @custom:storage-location erc7201:proofx.storage.ProofXVerifierV2
    struct ProofXVerifierV2Storage {
        string releaseNote;
    }

    // keccak256(abi.encode(uint256(keccak256("proofx.storage.ProofXVerifierV2")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant V2_STORAGE_LOCATION = 0x6513c4aeff98be22201277c0ab33c3574f9a113e3d55420e2fbd7bd873034200;

    function _getV2Storage() private pure returns (ProofXVerifierV2Storage storage $) {
        assembly {
            $.slot := V2_STORAGE_LOCATION
        }
    }

    function initializeV2(string calldata releaseNote_) external reinitializer(2) {
        _getV2Storage().releaseNote = releaseNote_;
    }

    function releaseNote() external view returns (string memory) {
        return _getV2Storage().releaseNote;
    }

    function version() external pure override returns (string memory) {
        return "2.0.0";
    }
}
