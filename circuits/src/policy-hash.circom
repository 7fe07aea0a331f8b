pragma circom 2.1.5;

include "circomlib/circuits/poseidon.circom";

// The policy commitment the verifier contract stores per policy id. It includes the id itself, so a proof for
// one policy cannot be submitted against another with the same rules, and the validity period of the records the
// policy makes, so the circuit can prove a record ends no later than its credential. The two 8-bit scores share
// one input (minKycLevel + maxRiskScore * 2^8): callers range-check both to 8 bits, so the packing is injective
// and the hash stays a Poseidon(5).
template PolicyHash() {
    signal input policyId;
    signal input minNetCapital;
    signal input minKycLevel;
    signal input maxRiskScore;
    signal input validityPeriod;
    signal input jurisdictionRoot;

    signal output out;

    out <== Poseidon(5)([policyId, minNetCapital, minKycLevel + maxRiskScore * (1 << 8), validityPeriod, jurisdictionRoot]);
}
