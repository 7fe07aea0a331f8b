pragma circom 2.1.5;

include "circomlib/circuits/comparators.circom";

// issuedAt <= now and now + validityPeriod <= expiresAt: the credential is valid from `now` until the end of the
// compliance record the proof makes (now + validityPeriod), so the record never outlives the credential. With
// validityPeriod >= 1 (the contract refuses a policy with 0) this implies now < expiresAt.
// Callers must range-check issuedAt, expiresAt and now to N bits and validityPeriod to at most N bits first;
// now + validityPeriod < 2^(N+1), so the comparison takes N+1 bits.
template RecordWindow(N) {
    signal input issuedAt;
    signal input expiresAt;
    signal input now;
    signal input validityPeriod;

    signal issuedBeforeNow <== LessEqThan(N)([issuedAt, now]);
    issuedBeforeNow === 1;

    signal validUntilRecordEnd <== LessEqThan(N + 1)([now + validityPeriod, expiresAt]);
    validUntilRecordEnd === 1;
}
