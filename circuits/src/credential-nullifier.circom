pragma circom 2.1.5;

include "circomlib/circuits/poseidon.circom";

// nullifier = Poseidon(credentialHash, scopeTag), scopeTag = keccak256(abi.encode(chainId, verifier)) mod 2^53. The issuer can
// compute it from what it signed and revoke a credential on one deployment without learning anything new from proofs.
template CredentialNullifier() {
    signal input credentialHash;
    signal input scopeTag;
    signal output out;

    out <== Poseidon(2)([credentialHash, scopeTag]);
}
