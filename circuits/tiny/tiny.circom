pragma circom 2.1.5;

// A toy circuit that keeps the trusted-setup pipeline honest in CI (circuits/test/setup-pipeline.test.ts):
// "I know two factors of `product`, each below 2^16 and neither equal to 1."
template Tiny() {
    signal input product;
    signal input a;
    signal input b;

    a * b === product;

    // Each factor fits in 16 bits and is not 1 (so `product * 1` is not a proof).
    signal aBits[16];
    signal bBits[16];
    var aSum = 0;
    var bSum = 0;
    for (var i = 0; i < 16; i++) {
        aBits[i] <-- (a >> i) & 1;
        bBits[i] <-- (b >> i) & 1;
        aBits[i] * (aBits[i] - 1) === 0;
        bBits[i] * (bBits[i] - 1) === 0;
        aSum += aBits[i] * 2 ** i;
        bSum += bBits[i] * 2 ** i;
    }
    aSum === a;
    bSum === b;
    signal aMinusOneInverse <-- 1 / (a - 1);
    signal bMinusOneInverse <-- 1 / (b - 1);
    aMinusOneInverse * (a - 1) === 1;
    bMinusOneInverse * (b - 1) === 1;
}

component main {public [product]} = Tiny();
