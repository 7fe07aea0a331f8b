pragma circom 2.1.5;

include "circomlib/circuits/poseidon.circom";

// The hash an issuer signs: Poseidon over every attribute of the credential, in this order.
// Callers must range-check the attributes themselves; this template only hashes them.
template CredentialHash() {
    signal input subject;
    signal input assets;
    signal input liabilities;
    signal input kycLevel;
    signal input riskScore;
    signal input jurisdiction;
    signal input issuedAt;
    signal input expiresAt;
    signal input salt;

    signal output out;

    out <== Poseidon(9)([subject, assets, liabilities, kycLevel, riskScore, jurisdiction, issuedAt, expiresAt, salt]);
}
