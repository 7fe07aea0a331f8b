// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Script, console} from "forge-std/Script.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {Groth16BatchVerifier} from "../src/Groth16BatchVerifier.sol";
import {Groth16Verifier} from "../src/Groth16Verifier.sol";
import {ProofXVerifier} from "../src/ProofXVerifier.sol";

/// @notice Deploys Groth16Verifier, the ProofXVerifier implementation and its ERC-1967 proxy, then Groth16BatchVerifier
/// (after the proxy, so the proxy keeps its address), registers the demo policies and issuer, and writes
/// deployments/<chainId>.json.
/// @dev Inputs (environment; contracts/script/deploy-local.ts computes the hashes with the SDK):
///   PROOFX_VKEY_HASH               bytes32  hash of circuits/artifacts/verification_key.json (hashVerificationKey)
///   PROOFX_ISSUER_KEY_HASH         uint256  issuer key hash to trust
///   PROOFX_ACCREDITED_POLICY_HASH  uint256  policy hash of policy id 1
///   PROOFX_RETAIL_POLICY_HASH      uint256  policy hash of policy id 2
///   PROOFX_VALIDITY_PERIOD         seconds  optional, default 30 days
///   PROOFX_MAX_PROOF_AGE           seconds  optional, default 1 day
///   PROOFX_ISSUER_REVOKER          address  optional, default the admin
///   PROOFX_SIGNER                  address  optional, granted SIGNER_ROLE
///   PROOFX_ADMIN                   address  optional; if set and not the deployer, it receives every role and the
///                                           deployer renounces them
///   PROOFX_DEPLOYMENT_FILE         path     optional, relative to the project root; default deployments/<chainId>.json
/// The implementation's upgrade safety is validated by the upgrade tests (openzeppelin-foundry-upgrades), so this
/// script needs neither ffi nor a clean build.
/// Usage: forge script contracts/script/Deploy.s.sol:Deploy --rpc-url $RPC --private-key $KEY --broadcast
contract Deploy is Script {
    uint256 internal constant ACCREDITED_POLICY_ID = 1;
    uint256 internal constant RETAIL_POLICY_ID = 2;

    struct Deployment {
        address proxy;
        address implementation;
        address groth16Verifier;
        address groth16BatchVerifier;
        bytes32 vkeyHash;
        uint256 issuerKeyHash;
        uint256 deployBlock;
    }

    function run() external returns (Deployment memory deployment) {
        deployment.vkeyHash = vm.envBytes32("PROOFX_VKEY_HASH");
        deployment.issuerKeyHash = vm.envUint("PROOFX_ISSUER_KEY_HASH");
        uint256 accreditedPolicyHash = vm.envUint("PROOFX_ACCREDITED_POLICY_HASH");
        uint256 retailPolicyHash = vm.envUint("PROOFX_RETAIL_POLICY_HASH");
        uint32 validityPeriod = uint32(vm.envOr("PROOFX_VALIDITY_PERIOD", uint256(30 days)));
        uint40 maxProofAge = uint40(vm.envOr("PROOFX_MAX_PROOF_AGE", uint256(1 days)));
        address signer = vm.envOr("PROOFX_SIGNER", address(0));
        // Logs are scanned from here; the deployment lands in this block or a later one.
        deployment.deployBlock = block.number;

        vm.startBroadcast();
        (, address deployer,) = vm.readCallers();
        address admin = vm.envOr("PROOFX_ADMIN", deployer);
        address revoker = vm.envOr("PROOFX_ISSUER_REVOKER", admin);

        deployment.groth16Verifier = address(new Groth16Verifier());
        deployment.implementation = address(new ProofXVerifier());
        deployment.proxy = address(
            new ERC1967Proxy(
                deployment.implementation,
                abi.encodeCall(
                    ProofXVerifier.initialize, (deployer, deployment.groth16Verifier, deployment.vkeyHash, maxProofAge)
                )
            )
        );
        ProofXVerifier verifier = ProofXVerifier(deployment.proxy);
        deployment.groth16BatchVerifier = address(new Groth16BatchVerifier());
        verifier.setBatchVerifier(deployment.groth16BatchVerifier);
        verifier.setPolicy(ACCREDITED_POLICY_ID, accreditedPolicyHash, validityPeriod, true);
        verifier.setPolicy(RETAIL_POLICY_ID, retailPolicyHash, validityPeriod, true);
        verifier.addIssuer(deployment.issuerKeyHash, revoker);
        if (signer != address(0)) verifier.grantRole(verifier.SIGNER_ROLE(), signer);
        if (admin != deployer) _handOver(verifier, deployer, admin);
        vm.stopBroadcast();

        _write(deployment);
    }

    /// @dev Gives `admin` every role, then drops the deployer's (admin role last).
    function _handOver(ProofXVerifier verifier, address deployer, address admin) internal {
        bytes32[3] memory roles = [verifier.PAUSER_ROLE(), verifier.UPGRADER_ROLE(), verifier.DEFAULT_ADMIN_ROLE()];
        for (uint256 i; i < roles.length; ++i) {
            verifier.grantRole(roles[i], admin);
        }
        for (uint256 i; i < roles.length; ++i) {
            verifier.renounceRole(roles[i], deployer);
        }
    }

    function _write(Deployment memory deployment) internal {
        string memory policies = "policies";
        vm.serializeUint(policies, "accredited", ACCREDITED_POLICY_ID);
        policies = vm.serializeUint(policies, "retail", RETAIL_POLICY_ID);

        string memory json = "deployment";
        vm.serializeUint(json, "chainId", block.chainid);
        vm.serializeAddress(json, "proxy", deployment.proxy);
        vm.serializeAddress(json, "implementation", deployment.implementation);
        vm.serializeAddress(json, "groth16Verifier", deployment.groth16Verifier);
        vm.serializeAddress(json, "groth16BatchVerifier", deployment.groth16BatchVerifier);
        vm.serializeBytes32(json, "vkeyHash", deployment.vkeyHash);
        vm.serializeUint(json, "deployBlock", deployment.deployBlock);
        vm.serializeString(json, "policies", policies);
        // A decimal string: the value exceeds JavaScript's safe integers.
        json = vm.serializeString(json, "issuerKeyHash", vm.toString(deployment.issuerKeyHash));

        string memory file =
            vm.envOr("PROOFX_DEPLOYMENT_FILE", string.concat("deployments/", vm.toString(block.chainid), ".json"));
        string memory path = string.concat(vm.projectRoot(), "/", file);
        vm.writeJson(json, path);
        console.log("ProofXVerifier proxy:", deployment.proxy);
        console.log("Deployment written to", path);
    }
}
