pragma circom 2.1.5;

include "circomlib/circuits/bitify.circom";

// in < 2^N. Num2Bits alone would accept nothing larger, and N < 254 keeps the decomposition unique.
template RangeCheck(N) {
    signal input in;
    assert(N < 254);
    signal bits[N] <== Num2Bits(N)(in);
}
