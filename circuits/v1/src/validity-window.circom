pragma circom 2.1.5;

include "circomlib/circuits/comparators.circom";

// issuedAt <= now < expiresAt. Callers must range-check all three to N bits first.
template ValidityWindow(N) {
    signal input issuedAt;
    signal input expiresAt;
    signal input now;

    signal issuedBeforeNow <== LessEqThan(N)([issuedAt, now]);
    issuedBeforeNow === 1;

    signal notExpired <== LessThan(N)([now, expiresAt]);
    notExpired === 1;
}
