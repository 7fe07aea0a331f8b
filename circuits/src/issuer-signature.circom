pragma circom 2.1.5;

include "circomlib/circuits/eddsaposeidon.circom";
include "circomlib/circuits/poseidon.circom";

// Checks an EdDSA-Poseidon (BabyJubJub) signature over `message` and outputs Poseidon(Ax, Ay),
// the issuer key hash that the verifier contract keeps in its list of trusted issuers.
// circomlib's verifier rejects S >= subgroup order and the zero key, so the signature is not malleable.
template IssuerSignature() {
    signal input message;
    signal input issuerAx;
    signal input issuerAy;
    signal input sigR8x;
    signal input sigR8y;
    signal input sigS;

    signal output issuerKeyHash;

    component verifier = EdDSAPoseidonVerifier();
    verifier.enabled <== 1;
    verifier.Ax <== issuerAx;
    verifier.Ay <== issuerAy;
    verifier.S <== sigS;
    verifier.R8x <== sigR8x;
    verifier.R8y <== sigR8y;
    verifier.M <== message;

    issuerKeyHash <== Poseidon(2)([issuerAx, issuerAy]);
}
