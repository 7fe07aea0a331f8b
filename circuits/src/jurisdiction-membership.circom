pragma circom 2.1.5;

include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";
include "@zk-kit/binary-merkle-root.circom/src/binary-merkle-root.circom";

// Proves that `jurisdiction` is a leaf of the LeanIMT (@zk-kit/lean-imt, Poseidon(2)) whose root is `root`.
// Callers must range-check `jurisdiction` to a few bits: that is what stops an inner node
// (a full-width Poseidon output) from being passed off as a leaf with a shorter proof.
template JurisdictionMembership(MAX_DEPTH) {
    signal input jurisdiction;
    signal input root;
    signal input depth;
    signal input index;
    signal input siblings[MAX_DEPTH];

    // BinaryMerkleRoot returns 0 for depth > MAX_DEPTH: bound the depth here.
    var DEPTH_BITS = 4;
    assert(MAX_DEPTH < 2 ** DEPTH_BITS);
    signal depthBits[DEPTH_BITS] <== Num2Bits(DEPTH_BITS)(depth);
    signal depthInRange <== LessEqThan(DEPTH_BITS)([depth, MAX_DEPTH]);
    depthInRange === 1;

    signal computedRoot <== BinaryMerkleRoot(MAX_DEPTH)(jurisdiction, depth, index, siblings);
    computedRoot === root;
}
