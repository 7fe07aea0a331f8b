// Signed-digit recoding shared by the G1 and G2 MSMs.
#pragma once
#include "heap.h"

// Tuning, overridable with -D for measurements: the reduction's lane count, and its cost a bucket in
// multiplications (the window-size model below).
#ifndef MSM_REDUCE_LANES
#define MSM_REDUCE_LANES 256
#endif
#ifndef MSM_REDUCE_COST
#define MSM_REDUCE_COST 12
#endif

// Window size minimising windows x (bucket additions + bucket reduction) for `count` scalars of `bits` bits.
static u32 msm_window_bits(u32 count, u32 bits) {
  u32 best = 2; u64 bestCost = ~0ull;
  for (u32 c = 2; c <= 16; c++) {
    // batch-affine additions ~6 multiplications; the batched reduction (msm.h) ~2 of them a bucket
    u64 cost = (u64)(bits / c + 1) * (6ull * count + MSM_REDUCE_COST * (1ull << (c - 1)));
    if (cost < bestCost) { bestCost = cost; best = c; }
  }
  return best;
}

// Lanes of the batched bucket reduction: enough to spread each inversion over many additions, few
// enough that combining a window's segments (~3 Jacobian operations a lane) stays small.
static u32 msm_segments(u32 nwin, u32 nb) {
  u32 s = 1;
  while (s < nb && 2 * s * nwin <= MSM_REDUCE_LANES) s *= 2;
  return s;
}

// digits[w * n + i] = window w of scalar i; a window value v >= 2^(c-1) becomes v - 2^c with a
// carry into the next window. With nwin = bits / c + 1 the top window (bits mod c <= c - 1 bits of a
// scalar below 2^bits, plus a carry) is kept unsigned: it is at most 2^(c-1), which still has a bucket.
static void recode_signed(short *digits, const u32 *scalars, u32 n, u32 c, u32 nwin) {
  u32 mask = (1u << c) - 1, half = 1u << (c - 1);
  for (u32 i = 0; i < n; i++) {
    const u32 *s = scalars + i * NL;
    u32 carry = 0;
    for (u32 w = 0; w < nwin; w++) {
      u32 bit = w * c, word = bit >> 5, off = bit & 31, v = 0;
      if (word < NL) {
        v = s[word] >> off;
        if (off + c > 32 && word + 1 < NL) v |= s[word + 1] << (32 - off);
        v &= mask;
      }
      v += carry;
      if (v >= half && w != nwin - 1) { digits[w * n + i] = (short)((int)v - (int)(1u << c)); carry = 1; }
      else { digits[w * n + i] = (short)v; carry = 0; }
    }
  }
}
