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

    // assets - liabilities >= minNetCapital, written without a subtraction that could wrap around the field:
    // assets >= liabilities + minNetCapital. Since minNetCapital >= 0 this also means assets >= liabilities.
    // liabilities + minNetCapital < 2^65 and assets < 2^64, so one 65-bit comparison is sound (and costs half
    // of the two 64-bit ones it replaces).
    signal enoughCapital <== GreaterEqThan(65)([assets, liabilities + minNetCapital]);
    enoughCapital === 1;

    signal enoughKyc <== GreaterEqThan(8)([kycLevel, minKycLevel]);
    enoughKyc === 1;

    signal lowEnoughRisk <== LessEqThan(8)([riskScore, maxRiskScore]);
    lowEnoughRisk === 1;
}
