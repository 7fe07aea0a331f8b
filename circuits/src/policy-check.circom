pragma circom 2.1.5;

include "circomlib/circuits/comparators.circom";

// The numeric rules of a policy. Callers must range-check assets, liabilities and minNetCapital
// to 64 bits, and the two scores to 8 bits, before this template compares them.
template PolicyCheck() {
    signal input assets;
    signal input liabilities;
    signal input kycLevel;
    signal input riskScore;
    signal input minNetCapital;
    signal input minKycLevel;
    signal input maxRiskScore;

    // assets >= liabilities, so assets - liabilities cannot wrap around the field.
    signal solvent <== GreaterEqThan(64)([assets, liabilities]);
    solvent === 1;

    signal enoughCapital <== GreaterEqThan(64)([assets - liabilities, minNetCapital]);
    enoughCapital === 1;

    signal enoughKyc <== GreaterEqThan(8)([kycLevel, minKycLevel]);
    enoughKyc === 1;

    signal lowEnoughRisk <== LessEqThan(8)([riskScore, maxRiskScore]);
    lowEnoughRisk === 1;
}
