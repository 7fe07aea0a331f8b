// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControlUpgradeable} from "@openzeppelin/contracts-upgradeable/access/AccessControlUpgradeable.sol";
import {Initializable} from "@openzeppelin/contracts-upgradeable/proxy/utils/Initializable.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts-upgradeable/proxy/utils/UUPSUpgradeable.sol";
import {IGroth16Verifier} from "../../src/interfaces/IGroth16Verifier.sol";
import {IProofXVerifier} from "../../src/interfaces/IProofXVerifier.sol";

/// @dev An UNSAFE upgrade the validator must reject: it inserts a field at the start of ProofXVerifier's ERC-7201
/// namespace, so every existing field would be read from the wrong slot (the verifier address from the vkey hash...).
/// @custom:oz-upgrades-from contracts/src/ProofXVerifier.sol:ProofXVerifier
contract ProofXVerifierUnsafeV2 is Initializable, AccessControlUpgradeable, UUPSUpgradeable {
    /// @custom:storage-location erc7201:proofx.storage.ProofXVerifier
    struct ProofXVerifierStorage {
        uint256 submissionCount;
        IGroth16Verifier groth16Verifier;
        uint40 maxProofAge;
        uint32 lastIssuerId;
        bool paused;
        bytes32 vkeyHash;
        mapping(uint256 policyId => IProofXVerifier.Policy) policies;
        mapping(uint256 issuerKeyHash => IProofXVerifier.Issuer) issuers;
        mapping(uint32 issuerId => uint256 issuerKeyHash) issuerKeyHashes;
        mapping(uint256 issuerKeyHash => mapping(uint184 nullifierTag => bool)) revoked;
        mapping(address subject => mapping(uint256 policyId => IProofXVerifier.ComplianceRecord)) records;
    }

    // keccak256(abi.encode(uint256(keccak256("proofx.storage.ProofXVerifier")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant PROOFX_VERIFIER_STORAGE_LOCATION =
        0xe4cbf20b60ab67d1f95350055b62560972a20ae3a277bac819fe1ec0f4e25300;

    function _getStorage() private pure returns (ProofXVerifierStorage storage $) {
        assembly {
            $.slot := PROOFX_VERIFIER_STORAGE_LOCATION
        }
    }

    /// @custom:oz-upgrades-unsafe-allow constructor
    constructor() {
        _disableInitializers();
    }

    function submissionCount() external view returns (uint256) {
        return _getStorage().submissionCount;
    }

    function _authorizeUpgrade(address) internal override onlyRole(DEFAULT_ADMIN_ROLE) {}
}
