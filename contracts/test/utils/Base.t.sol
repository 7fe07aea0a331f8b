// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {stdJson} from "forge-std/StdJson.sol";
// Imported so deployCodeTo finds its artifact.
// solhint-disable-next-line no-unused-import
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";
import {Groth16Verifier_v2} from "../../src/Groth16Verifier_v2.sol";
import {ProofXVerifier} from "../../src/ProofXVerifier.sol";
import {IProofXVerifier} from "../../src/interfaces/IProofXVerifier.sol";

/// @dev Shared setup: the real Groth16 verifier, a ProofXVerifier proxy at the address the fixture proofs are scoped
/// to, both demo policies, the demo issuer and one signer. Time is warped to the fixtures' `now`.
abstract contract Base is Test {
    using stdJson for string;

    /// @dev Must match FIXTURE_VERIFIER in contracts/script/make-fixtures.ts.
    address internal constant FIXTURE_VERIFIER = 0x70726f6F66780000000000000000000000000001;
    uint256 internal constant SNARK_SCALAR_FIELD =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;
    /// @dev BN254 base field modulus q, to negate proof points.
    uint256 internal constant BASE_FIELD =
        21888242871839275222246405745257275088696311157297823662689037894645226208583;
    uint32 internal constant VALIDITY = 30 days;
    uint40 internal constant MAX_PROOF_AGE = 1 days;

    string internal fixtures;
    uint256 internal fixtureNow;
    bytes32 internal vkeyHash;
    uint256 internal issuerKeyHash;
    uint256 internal otherIssuerKeyHash;
    uint256 internal accreditedPolicyId;
    uint256 internal accreditedPolicyHash;
    uint256 internal retailPolicyId;
    uint256 internal retailPolicyHash;

    Groth16Verifier_v2 internal groth16;
    ProofXVerifier internal implementation;
    ProofXVerifier internal verifier;

    address internal admin = makeAddr("admin");
    address internal signer = makeAddr("signer");
    address internal revoker = makeAddr("revoker");
    address internal stranger = makeAddr("stranger");
    address internal alice;
    address internal bob;

    function setUp() public virtual {
        fixtures = vm.readFile(string.concat(vm.projectRoot(), "/contracts/test/fixtures/proofs.json"));
        assertEq(fixtures.readUint(".chainId"), block.chainid, "fixtures are for another chain id");
        assertEq(fixtures.readAddress(".verifier"), FIXTURE_VERIFIER, "fixtures are for another verifier address");
        fixtureNow = fixtures.readUint(".now");
        vkeyHash = fixtures.readBytes32(".vkeyHash");
        issuerKeyHash = fixtures.readUint(".issuerKeyHash");
        otherIssuerKeyHash = fixtures.readUint(".otherIssuerKeyHash");
        accreditedPolicyId = fixtures.readUint(".policies.accredited.policyId");
        accreditedPolicyHash = fixtures.readUint(".policies.accredited.policyHash");
        retailPolicyId = fixtures.readUint(".policies.retail.policyId");
        retailPolicyHash = fixtures.readUint(".policies.retail.policyHash");
        alice = fixtures.readAddress(".proofs.accredited.subject");
        bob = fixtures.readAddress(".proofs.accreditedBob.subject");
        vm.label(alice, "alice");
        vm.label(bob, "bob");

        vm.warp(fixtureNow);
        groth16 = new Groth16Verifier_v2();
        implementation = ProofXVerifier(_newImplementation());
        deployCodeTo(
            "ERC1967Proxy.sol:ERC1967Proxy",
            abi.encode(
                address(implementation),
                abi.encodeCall(ProofXVerifier.initialize, (admin, address(groth16), vkeyHash, MAX_PROOF_AGE))
            ),
            FIXTURE_VERIFIER
        );
        verifier = ProofXVerifier(FIXTURE_VERIFIER);
        vm.label(FIXTURE_VERIFIER, "ProofXVerifierProxy");

        vm.startPrank(admin);
        verifier.setPolicy(accreditedPolicyId, accreditedPolicyHash, VALIDITY, true);
        verifier.setPolicy(retailPolicyId, retailPolicyHash, VALIDITY, true);
        verifier.addIssuer(issuerKeyHash, revoker);
        verifier.grantRole(verifier.SIGNER_ROLE(), signer);
        vm.stopPrank();
    }

    /// @dev The implementation the fixture proxy starts with; tests of upgrades from older versions override it.
    function _newImplementation() internal virtual returns (address) {
        return address(new ProofXVerifier());
    }

    /// @dev A fixture proof by name (see make-fixtures.ts) with its policy id and subject.
    function _fixture(string memory name)
        internal
        view
        returns (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject)
    {
        string memory key = string.concat(".proofs.", name);
        policyId = fixtures.readUint(string.concat(key, ".policyId"));
        subject = fixtures.readAddress(string.concat(key, ".subject"));
        proof.issuerKeyHash = fixtures.readUint(string.concat(key, ".issuerKeyHash"));
        proof.nullifier = fixtures.readUint(string.concat(key, ".nullifier"));
        proof.timestamp = fixtures.readUint(string.concat(key, ".timestamp"));
        uint256[] memory a = fixtures.readUintArray(string.concat(key, ".a"));
        uint256[] memory b0 = fixtures.readUintArray(string.concat(key, ".b[0]"));
        uint256[] memory b1 = fixtures.readUintArray(string.concat(key, ".b[1]"));
        uint256[] memory c = fixtures.readUintArray(string.concat(key, ".c"));
        proof.a = [a[0], a[1]];
        proof.b = [[b0[0], b0[1]], [b1[0], b1[1]]];
        proof.c = [c[0], c[1]];
    }

    /// @dev The four public signals of a fixture, as the circuit ordered them.
    function _fixtureSignals(string memory name) internal view returns (uint256[4] memory signals) {
        uint256[] memory all = fixtures.readUintArray(string.concat(".proofs.", name, ".publicSignals"));
        assertEq(all.length, 4, "fixtures have another number of public signals");
        for (uint256 i; i < 4; ++i) {
            signals[i] = all[i];
        }
    }

    /// @dev Submits a fixture as its own subject.
    function _submit(string memory name) internal returns (bool) {
        (IProofXVerifier.ProofXProof memory proof, uint256 policyId, address subject) = _fixture(name);
        vm.prank(subject);
        return verifier.submitProof(policyId, subject, proof);
    }

    /// @dev `sender` submits an invalid proof: ProofVerified(false) is emitted, false returned, and no record is made.
    function _assertRejectedFrom(
        address sender,
        uint256 policyId,
        address subject,
        IProofXVerifier.ProofXProof memory proof
    ) internal {
        vm.expectEmit(FIXTURE_VERIFIER);
        emit IProofXVerifier.ProofVerified(subject, sender, policyId, proof.nullifier, false);
        vm.prank(sender);
        assertFalse(verifier.submitProof(policyId, subject, proof));
        assertFalse(verifier.isCompliant(subject, policyId));
        assertEq(verifier.getComplianceRecord(subject, policyId).expiresAt, 0);
    }

    function _negateG1(uint256[2] memory point) internal pure returns (uint256[2] memory) {
        return [point[0], point[1] == 0 ? 0 : BASE_FIELD - point[1]];
    }

    /// @dev -(x, y) = (x, -y) on G2; y is an Fp2 element with both coordinates negated.
    function _negateG2(uint256[2][2] memory point) internal pure returns (uint256[2][2] memory) {
        return [point[0], [BASE_FIELD - point[1][0], BASE_FIELD - point[1][1]]];
    }
}
