pragma circom 2.1.5;

include "circomlib/circuits/poseidon.circom";

// nullifier = Poseidon(credentialHash, scope), scope = chainId << 160 | verifier address. The issuer can compute it from what it signed
// and revoke a credential on one deployment without learning anything new from proofs.
template CredentialNullifier() {
    signal input credentialHash;
    signal input scope;
    signal output out;

    out <== Poseidon(2)([credentialHash, scope]);
}
