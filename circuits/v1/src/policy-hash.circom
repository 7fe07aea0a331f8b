pragma circom 2.1.5;

include "circomlib/circuits/poseidon.circom";

// The policy commitment the verifier contract stores per policy id. It includes the id itself,
// so a proof for one policy cannot be submitted against another with the same rules.
template PolicyHash() {
    signal input policyId;
    signal input minNetCapital;
    signal input minKycLevel;
    signal input maxRiskScore;
    signal input jurisdictionRoot;

    signal output out;

    out <== Poseidon(5)([policyId, minNetCapital, minKycLevel, maxRiskScore, jurisdictionRoot]);
}
