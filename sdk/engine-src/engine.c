// ProofX's Groth16 proving engine for BN254 (circom zkeys), compiled to wasm32 without libc.
// The JS side (sdk/src/engine/) places zkey sections and witnesses in this module's memory and
// calls these exports; all pointers are byte offsets into that memory.
#include "fields.h"
#include "heap.h"
#include "recode.h"
#include "fft.h"

#define CURVE g1
#define W NL
#define F(op) fq_##op
#include "curve.h"
#include "msm.h"
#undef CURVE
#undef W
#undef F

#define CURVE g2
#define W Q2
#define F(op) fq2_##op
#include "curve.h"
#include "msm.h"
#undef CURVE
#undef W
#undef F

// 1 when the compiled-in field constants match their primes (the JS side refuses the module otherwise).
EXPORT(init) int init(void) { return modulus_check(&FQ) && modulus_check(&FR); }

// Field operations, exported for the differential tests (Montgomery form in and out).
EXPORT(fq_mul) void e_fq_mul(u32 *r, const u32 *a, const u32 *b) { fq_mul(r, a, b); }
EXPORT(fq_add) void e_fq_add(u32 *r, const u32 *a, const u32 *b) { fq_add(r, a, b); }
EXPORT(fq_sub) void e_fq_sub(u32 *r, const u32 *a, const u32 *b) { fq_sub(r, a, b); }
EXPORT(fq_inv) void e_fq_inv(u32 *r, const u32 *a) { fq_inv(r, a); }
EXPORT(fq2_mul) void e_fq2_mul(u32 *r, const u32 *a, const u32 *b) { fq2_mul(r, a, b); }
EXPORT(fq2_inv) void e_fq2_inv(u32 *r, const u32 *a) { fq2_inv(r, a); }
EXPORT(fr_mul) void e_fr_mul(u32 *r, const u32 *a, const u32 *b) { fr_mul(r, a, b); }
EXPORT(fr_add) void e_fr_add(u32 *r, const u32 *a, const u32 *b) { fr_add(r, a, b); }
EXPORT(fr_sub) void e_fr_sub(u32 *r, const u32 *a, const u32 *b) { fr_sub(r, a, b); }
EXPORT(fr_inv) void e_fr_inv(u32 *r, const u32 *a) { fp_inv(r, a, &FR); }

// Standard <-> Montgomery form of `count` Fr elements, in place.
EXPORT(fr_to_mont) void fr_to_mont(u32 *a, u32 count) { for (u32 i = 0; i < count; i++) fr_mul(a + i * NL, a + i * NL, FR.r2); }
EXPORT(fr_from_mont) void fr_from_mont(u32 *a, u32 count) {
  u32 one[NL]; fp_zero(one); one[0] = 1;
  for (u32 i = 0; i < count; i++) fr_mul(a + i * NL, a + i * NL, one);
}

// Points: G1 Jacobian 24 words, affine 16; G2 Jacobian 48, affine 32.
EXPORT(g1_add) void e_g1_add(u32 *r, const u32 *p, const u32 *q) { g1_add(r, p, q); }
EXPORT(g1_madd) void e_g1_madd(u32 *r, const u32 *p, const u32 *a) { g1_madd(r, p, a); }
EXPORT(g1_dbl) void e_g1_dbl(u32 *r, const u32 *p) { g1_dbl(r, p); }
EXPORT(g1_to_affine) void e_g1_to_aff(u32 *a, const u32 *p) { g1_to_aff(a, p); }
EXPORT(g1_from_affine) void e_g1_from_aff(u32 *p, const u32 *a) { g1_from_aff(p, a); }
EXPORT(g1_msm) void e_g1_msm(u32 *r, const u32 *bases, const u32 *scalars, u32 n) { g1_msm(r, bases, scalars, n); }
EXPORT(g2_add) void e_g2_add(u32 *r, const u32 *p, const u32 *q) { g2_add(r, p, q); }
EXPORT(g2_madd) void e_g2_madd(u32 *r, const u32 *p, const u32 *a) { g2_madd(r, p, a); }
EXPORT(g2_dbl) void e_g2_dbl(u32 *r, const u32 *p) { g2_dbl(r, p); }
EXPORT(g2_to_affine) void e_g2_to_aff(u32 *a, const u32 *p) { g2_to_aff(a, p); }
EXPORT(g2_from_affine) void e_g2_from_aff(u32 *p, const u32 *a) { g2_from_aff(p, a); }
EXPORT(g2_msm) void e_g2_msm(u32 *r, const u32 *bases, const u32 *scalars, u32 n) { g2_msm(r, bases, scalars, n); }

EXPORT(fr_fft) void e_fr_fft(u32 *a, u32 logn, const u32 *w) { fr_fft(a, logn, w); }

// Groth16 step 1: the constraint polynomials' evaluations A_i = sum a_ij w_j, B_i likewise, from
// the zkey's coefficient section (entries: matrix u32, constraint u32, signal u32, value Fr), and
// C_i = A_i * B_i. The zkey stores each value times R^2 (Montgomery form of Montgomery form), so a
// Montgomery product with the standard-form witness `w` gives a_ij w_j in Montgomery form. A, B, C
// hold n elements each.
EXPORT(g16_abc) void g16_abc(const u32 *coefs, u32 ncoefs, const u32 *w, u32 nw, u32 *A, u32 *B, u32 *C, u32 n) {
  for (u32 i = 0; i < n * NL; i++) { A[i] = 0; B[i] = 0; }
  for (u32 k = 0; k < ncoefs; k++) {
    const u32 *e = coefs + k * (3 + NL);
    u32 m = e[0], c = e[1], s = e[2];
    if (c >= n || s >= nw || m > 1) continue; // checked on the JS side; never write out of bounds
    u32 *dst = (m == 0 ? A : B) + c * NL, t[NL];
    fr_mul(t, e + 3, w + s * NL);
    fr_add(dst, dst, t);
  }
  for (u32 i = 0; i < n; i++) fr_mul(C + i * NL, A + i * NL, B + i * NL);
}

// Groth16 step 2: moves each of A, B, C from evaluations on the 2^logn roots of unity to the odd
// coset (x -> shift * x, shift a primitive 2^(logn+1)-th root) where the zkey's H points live:
// inverse FFT, scale coefficient i by shift^i / n, FFT. Then h_i = A_i B_i - C_i, written over A
// in standard form (the MSM's scalars).
EXPORT(g16_h) void g16_h(u32 *A, u32 *B, u32 *C, u32 logn, const u32 *w, const u32 *winv, const u32 *ninv, const u32 *shift) {
  u32 n = 1u << logn;
  u32 *polys[3] = { A, B, C };
  for (int p = 0; p < 3; p++) {
    u32 *a = polys[p], f[NL];
    fr_fft(a, logn, winv);
    fp_copy(f, ninv);
    for (u32 i = 0; i < n; i++) { fr_mul(a + i * NL, a + i * NL, f); fr_mul(f, f, shift); }
    fr_fft(a, logn, w);
  }
  for (u32 i = 0; i < n; i++) { u32 t[NL]; fr_mul(t, A + i * NL, B + i * NL); fr_sub(A + i * NL, t, C + i * NL); }
  fr_from_mont(A, n);
}
