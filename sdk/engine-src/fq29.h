// BN254's base field Fq in 9 limbs of 29 bits (Montgomery form with R = 2^261), for the curve code.
// WebAssembly multiplies 64-bit integers but has no 128-bit product: with 29-bit limbs a product is
// below 2^58, so the 18 products a limb of the Montgomery loop collects fit in a u64 without carrying
// them one by one (the 32-bit-limb loop spends about half its time on those carries). The single carry
// per row is the one the reduction needs. Measured against the 8 x 32-bit multiplication in
// bench/engine: see BENCHMARKS.md.
// Values are canonical (each limb < 2^29, value < p), so equality and zero tests compare limbs.
#pragma once
#include "fp.h"

#define FQL 9
#define L29 29
#define M29 0x1fffffffu

// p, -p^-1 mod 2^29, R mod p, R^2 mod p; FROM32 = R^2 / 2^256 mod p and TO32 = 2^256 mod p convert from
// and to the zkey's form (8 x 32-bit Montgomery, R = 2^256). fq29_check() verifies them all.
static const u32 FQ29_P[FQL] = { 0x187cfd47, 0x010460b6, 0x1c72a34f, 0x02d522d0, 0x1585d978, 0x02db40c0, 0x00a6e141, 0x0e5c2634, 0x0030644e };
#define FQ29_INV 0x04866389u
static const u32 FQ29_ONE[FQL] = { 0x157ccc21, 0x141c2758, 0x185230d3, 0x014c0419, 0x0aa36fb9, 0x1d4240ce, 0x11d54c07, 0x052ac7a8, 0x000dc836 };
static const u32 FQ29_R2[FQL] = { 0x059bac10, 0x0d1503a3, 0x018016b8, 0x10ab0ca8, 0x02632639, 0x02c0169f, 0x169bfd53, 0x11869d4c, 0x002a11a6 };
static const u32 FQ29_FROM32[FQL] = { 0x13349ca1, 0x1a5d84a8, 0x0a3e5cac, 0x100249e0, 0x12b951e8, 0x0e92d304, 0x14cb95b3, 0x041b9d3d, 0x00058003 };
static const u32 FQ29_TO32[FQL] = { 0x058f0d9d, 0x1aea1c6e, 0x11c2cf74, 0x11d651eb, 0x1462c0a7, 0x11b7bc3c, 0x1cbd99ba, 0x183340fb, 0x000e0a77 };

static inline void fq_copy(u32 *r, const u32 *a) { for (int i = 0; i < FQL; i++) r[i] = a[i]; }
static inline void fq_zero(u32 *r) { for (int i = 0; i < FQL; i++) r[i] = 0; }
static inline void fq_one(u32 *r) { fq_copy(r, FQ29_ONE); }
static inline int fq_is_zero(const u32 *a) { u32 x = 0; for (int i = 0; i < FQL; i++) x |= a[i]; return x == 0; }
static inline int fq_eq(const u32 *a, const u32 *b) { u32 x = 0; for (int i = 0; i < FQL; i++) x |= a[i] ^ b[i]; return x == 0; }

// r = s - p if s >= p, else s (s < 2p, limbs normalised).
ALWAYS_INLINE void fq29_reduce_once(u32 *r, const u32 *s) {
  u32 d[FQL]; i32 borrow = 0;
  for (int i = 0; i < FQL; i++) { i32 x = (i32)s[i] - (i32)FQ29_P[i] + borrow; d[i] = (u32)x & M29; borrow = x >> L29; }
  if (borrow) fq_copy(r, s); else fq_copy(r, d);
}

static inline void fq_add(u32 *r, const u32 *a, const u32 *b) {
  u32 s[FQL], c = 0;
  for (int i = 0; i < FQL; i++) { u32 x = a[i] + b[i] + c; s[i] = x & M29; c = x >> L29; }
  fq29_reduce_once(r, s);
}

static inline void fq_sub(u32 *r, const u32 *a, const u32 *b) {
  u32 d[FQL]; i32 borrow = 0;
  for (int i = 0; i < FQL; i++) { i32 x = (i32)a[i] - (i32)b[i] + borrow; d[i] = (u32)x & M29; borrow = x >> L29; }
  if (borrow) { u32 c = 0; for (int i = 0; i < FQL; i++) { u32 x = d[i] + FQ29_P[i] + c; d[i] = x & M29; c = x >> L29; } }
  fq_copy(r, d);
}

static inline void fq_neg(u32 *r, const u32 *a) {
  if (fq_is_zero(a)) { fq_zero(r); return; }
  u32 z[FQL]; fq_zero(z); fq_sub(r, z, a);
}

// Montgomery product a b / 2^261 mod p, below 2p, for a, b below 2p (a b < 4p^2 < p 2^261). Row i adds
// a[i] b and q p (q makes the low limb vanish) and shifts one limb down; t[j] collects at most 18 products
// below 2^58, so only the low limb's carry is taken per row and the rest once at the end.
ALWAYS_INLINE void fq29_mont(u32 *s, const u32 *a, const u32 *b) {
  u64 t[FQL];
  for (int j = 0; j < FQL; j++) t[j] = 0;
  for (int i = 0; i < FQL; i++) {
    u64 ai = a[i];
    u64 t0 = t[0] + ai * b[0];
    u64 q = ((u32)t0 * FQ29_INV) & M29;
    u64 carry = (t0 + q * FQ29_P[0]) >> L29;
    for (int j = 1; j < FQL; j++) t[j - 1] = t[j] + ai * b[j] + q * FQ29_P[j];
    t[FQL - 1] = 0;
    t[0] += carry;
  }
  u64 c = 0;
  for (int j = 0; j < FQL; j++) { c += t[j]; s[j] = (u32)c & M29; c >>= L29; }
}
// Canonical (< p): one conditional subtraction.
__attribute__((noinline)) static void fq_mul(u32 *r, const u32 *a, const u32 *b) {
  u32 s[FQL];
  fq29_mont(s, a, b);
  fq29_reduce_once(r, s);
}
// Below 2p, without the subtraction: only for a value that feeds nothing but further products (the batch
// inversion's running products and each addition's slope in msm.h), never a comparison, add or sub.
__attribute__((noinline)) static void fq_mul_lazy(u32 *r, const u32 *a, const u32 *b) { fq29_mont(r, a, b); }
static inline void fq_sqr(u32 *r, const u32 *a) { fq_mul(r, a, a); }

// Lazy reduction for Fq2 (fields.h): products kept as 18-limb integers, combined, then reduced once each.
// 4 p^2 in 18 limbs of 29 bits (fq29_check verifies it), added before a subtraction of a product of two
// values below 2p keeps the difference positive.
static const u32 FQ29_4P2[2 * FQL] = { 0x1d75a6c4, 0x0a8b1444, 0x0ac1013b, 0x1039684f, 0x12b72980, 0x1138db2d, 0x0c84a501, 0x0abd0921, 0x1411a27a, 0x0698d671, 0x06edfa5c, 0x11bab031, 0x02e15445, 0x11a43960, 0x06f7c034, 0x1fce2ccd, 0x12e1d8f2, 0x000124b8 };
// t = a b as 18 limbs of 29 bits, for a, b of 9 limbs (each column below 9 x 2^58 before the carries).
ALWAYS_INLINE void fq29_mul_wide(u32 *t, const u32 *a, const u32 *b) {
  u64 c[2 * FQL];
  for (int k = 0; k < 2 * FQL; k++) c[k] = 0;
  for (int i = 0; i < FQL; i++) {
    u64 ai = a[i];
    for (int j = 0; j < FQL; j++) c[i + j] += ai * b[j];
  }
  u64 carry = 0;
  for (int k = 0; k < 2 * FQL; k++) { carry += c[k]; t[k] = (u32)carry & M29; carry >>= L29; }
}
// Montgomery reduction t / 2^261 mod p of an 18-limb t below p 2^261: below 2p.
ALWAYS_INLINE void fq29_redc(u32 *s, const u32 *w) {
  u64 t[2 * FQL];
  for (int k = 0; k < 2 * FQL; k++) t[k] = w[k];
  for (int i = 0; i < FQL; i++) {
    u64 q = ((u32)t[i] * FQ29_INV) & M29;
    for (int j = 0; j < FQL; j++) t[i + j] += q * FQ29_P[j];
    t[i + 1] += t[i] >> L29;
  }
  u64 c = 0;
  for (int j = 0; j < FQL; j++) { c += t[FQL + j]; s[j] = (u32)c & M29; c >>= L29; }
}
// r = a + b - c on 18 limbs (b is 4 p^2 for the real part of an Fq2 product); the caller guarantees r >= 0.
ALWAYS_INLINE void fq29_wide_add_sub(u32 *r, const u32 *a, const u32 *b, const u32 *c) {
  i32 carry = 0;
  for (int k = 0; k < 2 * FQL; k++) { i32 x = (i32)a[k] + (i32)b[k] - (i32)c[k] + carry; r[k] = (u32)x & M29; carry = x >> L29; }
}
// r = a - b - c on 18 limbs; the caller guarantees r >= 0.
ALWAYS_INLINE void fq29_wide_sub2(u32 *r, const u32 *a, const u32 *b, const u32 *c) {
  i32 carry = 0;
  for (int k = 0; k < 2 * FQL; k++) { i32 x = (i32)a[k] - (i32)b[k] - (i32)c[k] + carry; r[k] = (u32)x & M29; carry = x >> L29; }
}
// 2p in 9 limbs, and r = a + b - c on 9 limbs without reduction (the caller keeps it in 0..2^261).
static const u32 FQ29_2P[FQL] = { 0x10f9fa8e, 0x0208c16d, 0x18e5469e, 0x05aa45a1, 0x0b0bb2f0, 0x05b68181, 0x014dc282, 0x1cb84c68, 0x0060c89c };
ALWAYS_INLINE void fq29_add_sub9(u32 *r, const u32 *a, const u32 *b, const u32 *c) {
  i32 carry = 0;
  for (int i = 0; i < FQL; i++) { i32 x = (i32)a[i] + (i32)b[i] - (i32)c[i] + carry; r[i] = (u32)x & M29; carry = x >> L29; }
}
// r = a + b without reduction (a, b below 2p: below 4p < 2^261, room in 9 limbs), an input of fq29_mul_wide.
ALWAYS_INLINE void fq29_add_wide(u32 *r, const u32 *a, const u32 *b) {
  u32 c = 0;
  for (int i = 0; i < FQL; i++) { u32 x = a[i] + b[i] + c; r[i] = x & M29; c = x >> L29; }
}

// Fermat: a^(p-2), the exponent's bits from the 32-bit limbs of p. Inversions are rare (one per batch).
static void fq_inv(u32 *r, const u32 *a) {
  u32 e[NL]; fp_copy(e, FQ.p);
  e[0] -= 2;
  u32 acc[FQL], base[FQL]; fq_one(acc); fq_copy(base, a);
  for (int i = 0; i < NL * 32; i++) {
    if ((e[i >> 5] >> (i & 31)) & 1) fq_mul(acc, acc, base);
    fq_mul(base, base, base);
  }
  fq_copy(r, acc);
}

// From and to the zkey's form: regroup the bits, then one Montgomery product moves the factor
// between R = 2^256 and 2^261.
static void fq_from32(u32 *r, const u32 *a) {
  u32 t[FQL]; u64 acc = 0; int bits = 0, k = 0;
  for (int j = 0; j < FQL; j++) {
    while (bits < L29 && k < NL) { acc |= (u64)a[k++] << bits; bits += 32; }
    t[j] = (u32)acc & M29; acc >>= L29; bits -= L29;
  }
  fq_mul(r, t, FQ29_FROM32);
}
static void fq_to32(u32 *r, const u32 *a) {
  u32 t[FQL]; fq_mul(t, a, FQ29_TO32);
  u64 acc = 0; int bits = 0, k = 0;
  for (int j = 0; j < FQL; j++) {
    acc |= (u64)t[j] << bits; bits += L29;
    while (bits >= 32 && k < NL) { r[k++] = (u32)acc; acc >>= 32; bits -= 32; }
  }
  while (k < NL) { r[k++] = (u32)acc; acc >>= 32; }
}
static void fq_from32_n(u32 *r, const u32 *a, u32 count) { for (u32 i = 0; i < count; i++) fq_from32(r + i * FQL, a + i * NL); }
static void fq_to32_n(u32 *r, const u32 *a, u32 count) { for (u32 i = 0; i < count; i++) fq_to32(r + i * NL, a + i * FQL); }

// The constants against p: -p^-1 mod 2^29, R = 2^261 mod p and R^2 by doubling, and the conversions
// against the 32-bit form's one (2^256 mod p, checked by modulus_check).
static int fq29_check(void) {
  if (((FQ29_P[0] * FQ29_INV) & M29) != M29) return 0;
  u32 t[FQL]; fq_zero(t); t[0] = 1;
  for (int i = 0; i < 2 * 261; i++) { fq_add(t, t, t); if (i == 260 && !fq_eq(t, FQ29_ONE)) return 0; }
  if (!fq_eq(t, FQ29_R2)) return 0;
  // 4 p^2 (the lazy Fq2 product's offset): (2p)(2p) as a wide product.
  u32 p2[2 * FQL], twoP[FQL]; fq29_add_wide(twoP, FQ29_P, FQ29_P); fq29_mul_wide(p2, twoP, twoP);
  for (int k = 0; k < 2 * FQL; k++) if (p2[k] != FQ29_4P2[k]) return 0;
  for (int i = 0; i < FQL; i++) if (twoP[i] != FQ29_2P[i]) return 0;
  u32 one[FQL], back[NL]; fq_from32(one, FQ.one);
  if (!fq_eq(one, FQ29_ONE)) return 0;
  fq_to32(back, FQ29_ONE);
  return fp_eq(back, FQ.one);
}
