// GLV (Gallant-Lambert-Vanstone): BN254's G1 and G2 both have the endomorphism (x, y) -> (beta x, y)
// with beta a cube root of unity in Fq, which multiplies their points by lambda, a cube root of unity
// in Fr. A scalar k splits into k1 + k2 lambda with |k1|, |k2| < 2^128, so an MSM of n 254-bit
// scalars becomes one of 2n 128-bit scalars over the bases and their images: half the windows, so
// half the bucket reductions, for the same number of bucket additions.
// The split: (k, 0) minus the nearest lattice vector c1 v1 + c2 v2 of the short basis v1 = (a1, -b1n),
// v2 = (a2, b2) of {(x, y): x + y lambda = 0 mod r} (from the extended Euclidean algorithm on r and
// lambda), c1 = floor(k b2 / r), c2 = floor(k b1n / r) via g = floor(2^256 b / r). The floors leave
// k1 = e1 a1 + e2 a2 >= 0 and |k2| below 2^128 (e1, e2 in [0, 1 + 2^-60)); the differential tests
// check MSMs against ffjavascript on full-width and r - 1 scalars.
#pragma once
#include "fields.h"

#define GLV_BITS 128
static const u32 GLV_G1[3] = { 0xc7e0b3d7, 0xd91d232e, 0x00000002 };
static const u32 GLV_G2[5] = { 0x391eb18d, 0x7a7bd9d4, 0xa773d2cf, 0x4ccef014, 0x00000002 };
static const u32 GLV_A1[2] = { 0x94d213e3, 0x89d32568 };
static const u32 GLV_A2[4] = { 0x1221250b, 0x0be4e154, 0xeeb859fd, 0x6f4d8248 };
static const u32 GLV_B1N[4] = { 0x7d4f1128, 0x8211bbeb, 0xeeb859fc, 0x6f4d8248 };
static const u32 GLV_B2[2] = { 0x94d213e3, 0x89d32568 };
// lambda (standard form) for the self-check, and beta in fq29.h's form (beta^2 is the other cube root).
static const u32 GLV_LAMBDA[NL] = { 0xb99c90dd, 0x8b17ea66, 0x8d8daaa7, 0x5bfc4108, 0x41a91758, 0xb3c4d79d, 0, 0 };
static const u32 GLV_BETA[FQL] = { 0x0a337995, 0x158d1d23, 0x189c9b98, 0x12fa4e45, 0x185faadc, 0x0176f16d, 0x0eed93ba, 0x14291140, 0x000c0afe };
static const u32 GLV_BETA2[FQL] = { 0x18ccb791, 0x175b1c3a, 0x0b83d6e2, 0x0e8ed071, 0x1282bee2, 0x04220e84, 0x1fe4017f, 0x15084d4a, 0x00169119 };

// r[0..nr) = (a * b) mod 2^(32 nr), or its limbs from `from` on (a right shift by 32 from bits).
static void glv_mul(u32 *r, u32 nr, u32 from, const u32 *a, u32 na, const u32 *b, u32 nb) {
  u32 t[NL + 5];
  for (u32 i = 0; i < na + nb; i++) t[i] = 0;
  for (u32 i = 0; i < na; i++) {
    u64 c = 0;
    for (u32 j = 0; j < nb; j++) { c += (u64)a[i] * b[j] + t[i + j]; t[i + j] = (u32)c; c >>= 32; }
    t[i + nb] = (u32)c;
  }
  for (u32 i = 0; i < nr; i++) r[i] = from + i < na + nb ? t[from + i] : 0;
}
// r -= a (mod 2^256), a has na limbs.
static void glv_sub(u32 *r, const u32 *a, u32 na) {
  u64 borrow = 0;
  for (u32 i = 0; i < NL; i++) { u64 d = (u64)r[i] - (i < na ? a[i] : 0) - borrow; r[i] = (u32)d; borrow = (d >> 63) & 1; }
}
static int glv_geq(const u32 *a, const u32 *b) {
  for (int i = NL - 1; i >= 0; i--) if (a[i] != b[i]) return a[i] > b[i];
  return 1;
}

// k (standard form, any 256-bit value: reduced mod r first) -> k1, |k2| (NL limbs each) and k2 < 0.
static void glv_split(u32 *k1, u32 *k2, u8 *k2neg, const u32 *scalar) {
  u32 k[NL], c1[5], c2[5], t[NL];
  fp_copy(k, scalar);
  while (glv_geq(k, FR.p)) glv_sub(k, FR.p, NL);
  glv_mul(c1, 5, NL, k, NL, GLV_G1, 3);
  glv_mul(c2, 5, NL, k, NL, GLV_G2, 5);
  // k1 = k - c1 a1 - c2 a2
  fp_copy(k1, k);
  glv_mul(t, NL, 0, c1, 5, GLV_A1, 2); glv_sub(k1, t, NL);
  glv_mul(t, NL, 0, c2, 5, GLV_A2, 4); glv_sub(k1, t, NL);
  // k2 = c1 b1n - c2 b2 (mod 2^256; negative when its top bit is set)
  glv_mul(k2, NL, 0, c1, 5, GLV_B1N, 4);
  glv_mul(t, NL, 0, c2, 5, GLV_B2, 2); glv_sub(k2, t, NL);
  *k2neg = k2[NL - 1] >> 31;
  if (*k2neg) { u32 z[NL]; fp_zero(z); glv_sub(z, k2, NL); fp_copy(k2, z); }
}
