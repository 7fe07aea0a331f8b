// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Script, console} from "forge-std/Script.sol";
import {stdJson} from "forge-std/StdJson.sol";
import {Upgrades, Options} from "openzeppelin-foundry-upgrades/Upgrades.sol";

/// @notice Upgrades the ProofXVerifier proxy of deployments/<chainId>.json to a new implementation, after
/// openzeppelin-foundry-upgrades has validated its storage layout against the reference, and records the new
/// implementation in the deployment file.
/// @dev Inputs (environment):
///   PROOFX_UPGRADE_TO        contract to upgrade to, e.g. "ProofXVerifierV2.sol"; it must name its predecessor in an
///                            oz-upgrades-from custom NatSpec tag, or set PROOFX_REFERENCE_CONTRACT
///   PROOFX_REFERENCE_CONTRACT optional reference, e.g. "ProofXVerifier.sol" or "build-info-v1:ProofXVerifier"
///   PROOFX_REFERENCE_BUILD_INFO_DIR optional directory with the previous version's build info
///   PROOFX_UPGRADE_CALL      optional calldata run by upgradeToAndCall (e.g. a reinitializer)
/// Needs ffi and exactly one build info in out/build-info holding every contract: build everything first, then run
/// the script without another (sparse) rebuild. The broadcasting account needs UPGRADER_ROLE.
/// Usage: forge build && FOUNDRY_FORCE=false PROOFX_UPGRADE_TO=... \
///        forge script contracts/script/Upgrade.s.sol:Upgrade --rpc-url $RPC --private-key $KEY --broadcast
contract Upgrade is Script {
    using stdJson for string;

    function run() external returns (address newImplementation) {
        string memory path = string.concat(vm.projectRoot(), "/deployments/", vm.toString(block.chainid), ".json");
        address proxy = vm.readFile(path).readAddress(".proxy");
        string memory contractName = vm.envString("PROOFX_UPGRADE_TO");
        bytes memory data = vm.envOr("PROOFX_UPGRADE_CALL", bytes(""));
        Options memory opts;
        opts.referenceContract = vm.envOr("PROOFX_REFERENCE_CONTRACT", string(""));
        opts.referenceBuildInfoDir = vm.envOr("PROOFX_REFERENCE_BUILD_INFO_DIR", string(""));

        vm.startBroadcast();
        Upgrades.upgradeProxy(proxy, contractName, data, opts);
        vm.stopBroadcast();

        newImplementation = Upgrades.getImplementationAddress(proxy);
        vm.writeJson(vm.toString(newImplementation), path, ".implementation");
        console.log("Upgraded proxy", proxy, "to", newImplementation);
    }
}
