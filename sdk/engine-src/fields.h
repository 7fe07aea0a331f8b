// BN254's base field Fq (the 32-bit-limb constants; the curve code's Fq is fq29.h), its quadratic extension Fq2 = Fq[u]/(u^2 + 1), and the scalar field Fr.
#pragma once
#include "fp.h"

// p, -p^-1 mod 2^32, R mod p, R^2 mod p (R = 2^256); init() checks the last three against p.
static const modulus FQ = {
  { 0xd87cfd47, 0x3c208c16, 0x6871ca8d, 0x97816a91, 0x8181585d, 0xb85045b6, 0xe131a029, 0x30644e72 }, 0xe4866389,
  { 0xc58f0d9d, 0xd35d438d, 0xf5c70b3d, 0x0a78eb28, 0x7879462c, 0x666ea36f, 0x9a07df2f, 0x0e0a77c1 },
  { 0x538afa89, 0xf32cfc5b, 0xd44501fb, 0xb5e71911, 0x0a417ff6, 0x47ab1eff, 0xcab8351f, 0x06d89f71 } };
static const modulus FR = {
  { 0xf0000001, 0x43e1f593, 0x79b97091, 0x2833e848, 0x8181585d, 0xb85045b6, 0xe131a029, 0x30644e72 }, 0xefffffff,
  { 0x4ffffffb, 0xac96341c, 0x9f60cd29, 0x36fc7695, 0x7879462e, 0x666ea36f, 0x9a07df2f, 0x0e0a77c1 },
  { 0xae216da7, 0x1bb8e645, 0xe35c59e3, 0x53fe3ab1, 0x53bb8085, 0x8c49833d, 0x7f4e44a5, 0x0216d0b1 } };

#include "fq29.h"

static inline void fr_add(u32 *r, const u32 *a, const u32 *b) { fp_add(r, a, b, FR.p); }
static inline void fr_sub(u32 *r, const u32 *a, const u32 *b) { fp_sub(r, a, b, FR.p); }
__attribute__((noinline)) static void fr_mul(u32 *r, const u32 *a, const u32 *b) { fp_mul(r, a, b, FR.p, FR.inv); }

// Fq2 elements are 2 x FQL limbs: c0 then c1 (the zkey's order).
#define Q2 (2 * FQL)
static inline void fq2_add(u32 *r, const u32 *a, const u32 *b) { fq_add(r, a, b); fq_add(r + FQL, a + FQL, b + FQL); }
static inline void fq2_sub(u32 *r, const u32 *a, const u32 *b) { fq_sub(r, a, b); fq_sub(r + FQL, a + FQL, b + FQL); }
static inline void fq2_neg(u32 *r, const u32 *a) { fq_neg(r, a); fq_neg(r + FQL, a + FQL); }
static inline void fq2_copy(u32 *r, const u32 *a) { fq_copy(r, a); fq_copy(r + FQL, a + FQL); }
static inline void fq2_zero(u32 *r) { fq_zero(r); fq_zero(r + FQL); }
static inline void fq2_one(u32 *r) { fq_one(r); fq_zero(r + FQL); }
static inline int fq2_is_zero(const u32 *a) { return fq_is_zero(a) && fq_is_zero(a + FQL); }
static inline int fq2_eq(const u32 *a, const u32 *b) { return fq_eq(a, b) && fq_eq(a + FQL, b + FQL); }
// Karatsuba with lazy reduction: 3 products as 18-limb integers, then 2 Montgomery reductions instead of 3.
// For inputs below 2p: c0 = a0 b0 - a1 b1 + 4 p^2 (positive, below 8 p^2 < p 2^261) and
// c1 = (a0 + a1)(b0 + b1) - a0 b0 - a1 b1 = a0 b1 + a1 b0 (from unreduced sums below 4p); each reduces below 2p.
ALWAYS_INLINE void fq2_mont(u32 *r, const u32 *a, const u32 *b) {
  u32 w0[2 * FQL], w1[2 * FQL], w2[2 * FQL], sa[FQL], sb[FQL];
  fq29_mul_wide(w0, a, b); fq29_mul_wide(w1, a + FQL, b + FQL);
  fq29_add_wide(sa, a, a + FQL); fq29_add_wide(sb, b, b + FQL); fq29_mul_wide(w2, sa, sb);
  fq29_wide_sub2(w2, w2, w0, w1);
  fq29_wide_add_sub(w0, w0, FQ29_4P2, w1);
  fq29_redc(r, w0); fq29_redc(r + FQL, w2);
}
__attribute__((noinline)) static void fq2_mul(u32 *r, const u32 *a, const u32 *b) {
  u32 s[Q2];
  fq2_mont(s, a, b);
  fq29_reduce_once(r, s); fq29_reduce_once(r + FQL, s + FQL);
}
// Below 2p in each coordinate (see fq_mul_lazy).
__attribute__((noinline)) static void fq2_mul_lazy(u32 *r, const u32 *a, const u32 *b) { fq2_mont(r, a, b); }
// (a0 + a1 u)^2 = (a0 + a1)(a0 - a1) + a0 (2 a1) u, for inputs below 2p (a lazy slope, msm.h): the sum,
// a0 + 2p - a1 and 2 a1 stay unreduced (below 4p), so each wide product is below 16 p^2 < p 2^261.
__attribute__((noinline)) static void fq2_sqr(u32 *r, const u32 *a) {
  u32 s[FQL], d[FQL], t[FQL], w0[2 * FQL], w1[2 * FQL];
  fq29_add_wide(s, a, a + FQL); fq29_add_sub9(d, a, FQ29_2P, a + FQL); fq29_add_wide(t, a + FQL, a + FQL);
  fq29_mul_wide(w0, s, d); fq29_mul_wide(w1, a, t);
  fq29_redc(r, w0); fq29_redc(r + FQL, w1);
  fq29_reduce_once(r, r); fq29_reduce_once(r + FQL, r + FQL);
}
static inline void fq2_inv(u32 *r, const u32 *a) {
  u32 t0[FQL], t1[FQL];
  fq_sqr(t0, a); fq_sqr(t1, a + FQL); fq_add(t0, t0, t1); fq_inv(t0, t0);
  fq_mul(r, a, t0); fq_mul(t1, a + FQL, t0); fq_neg(r + FQL, t1);
}
