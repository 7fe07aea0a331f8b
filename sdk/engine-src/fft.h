// Radix-2 FFT over Fr (Montgomery form), in place: a[i] <- sum_j a[j] w^(ij).
#pragma once
#include "fields.h"
#include "heap.h"

// One butterfly stage; not inlined so a fresh thread's first FFT tiers up after a few stages.
__attribute__((noinline)) static void fr_fft_stage(u32 *a, u32 n, u32 len, const u32 *tw) {
  u32 half = len >> 1, step = n / len;
  for (u32 i = 0; i < n; i += len)
    for (u32 j = 0; j < half; j++) {
      u32 *x = a + (i + j) * NL, *y = a + (i + j + half) * NL, v[NL];
      fr_mul(v, y, tw + j * step * NL);
      fr_sub(y, x, v); fr_add(x, x, v);
    }
}

static void fr_fft(u32 *a, u32 logn, const u32 *w) {
  u32 n = 1u << logn;
  for (u32 i = 1, j = 0; i < n; i++) {
    u32 bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) { u32 t[NL]; fp_copy(t, a + i * NL); fp_copy(a + i * NL, a + j * NL); fp_copy(a + j * NL, t); }
  }
  u32 mark = heap_mark();
  u32 *tw = (u32 *)alloc((n / 2 + 1) * NL * 4);
  fp_copy(tw, FR.one);
  for (u32 i = 1; i < n / 2; i++) fr_mul(tw + i * NL, tw + (i - 1) * NL, w);
  for (u32 len = 2; len <= n; len <<= 1) fr_fft_stage(a, n, len, tw);
  heap_reset(mark);
}
