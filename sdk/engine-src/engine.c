// ProofX's Groth16 proving engine for BN254 (circom zkeys), compiled to wasm32 without libc.
// The JS side (sdk/src/engine/) places zkey sections and witnesses in this module's memory and
// calls these exports; all pointers are byte offsets into that memory.
#include "fields.h"
#include "heap.h"
#include "recode.h"
#include "fft.h"
#include "glv.h"

#define CURVE g1
#define W FQL
#define F(op) fq_##op
// phi's x on G1: beta x (beta chosen so that phi(P) = lambda P; engine-glv test checks it).
static void g1_endo_x(u32 *r, const u32 *x) { fq_mul(r, x, GLV_BETA); }
#include "curve.h"
#include "msm.h"
#undef CURVE
#undef W
#undef F

#define CURVE g2
#define W Q2
#define F(op) fq2_##op
// On the twist the same map multiplies by lambda with the other cube root, beta^2 (an Fq scalar times x in Fq2).
static void g2_endo_x(u32 *r, const u32 *x) { fq_mul(r, x, GLV_BETA2); fq_mul(r + FQL, x + FQL, GLV_BETA2); }
#include "curve.h"
#include "msm.h"
#undef CURVE
#undef W
#undef F

// 1 when the compiled-in field constants match their primes (the JS side refuses the module otherwise).
EXPORT(init) int init(void) { return modulus_check(&FQ) && modulus_check(&FR) && fq29_check(); }

// The exports take and return Fq elements in the zkey's form (8 x 32-bit limbs, R = 2^256) and convert
// at the boundary; inside, Fq is fq29.h's. MSM bases the engine keeps resident are converted once
// (g1_import / g2_import), with their endomorphism images (glv.h).
// Bytes of one resident MSM base (the point and its image in the engine's form).
EXPORT(g1_base_bytes) u32 g1_base_bytes(void) { return 2 * 2 * FQL * 4; }
EXPORT(g2_base_bytes) u32 g2_base_bytes(void) { return 2 * 2 * Q2 * 4; }
EXPORT(g1_import) void e_g1_import(u32 *dst, const u32 *src, u32 n) { g1_import(dst, src, n); }
EXPORT(g2_import) void e_g2_import(u32 *dst, const u32 *src, u32 n) { g2_import(dst, src, n); }

// Field operations, exported for the differential tests (Montgomery form in and out).
EXPORT(fq_mul) void e_fq_mul(u32 *r, const u32 *a, const u32 *b) { u32 x[FQL], y[FQL]; fq_from32(x, a); fq_from32(y, b); fq_mul(x, x, y); fq_to32(r, x); }
EXPORT(fq_add) void e_fq_add(u32 *r, const u32 *a, const u32 *b) { u32 x[FQL], y[FQL]; fq_from32(x, a); fq_from32(y, b); fq_add(x, x, y); fq_to32(r, x); }
EXPORT(fq_sub) void e_fq_sub(u32 *r, const u32 *a, const u32 *b) { u32 x[FQL], y[FQL]; fq_from32(x, a); fq_from32(y, b); fq_sub(x, x, y); fq_to32(r, x); }
EXPORT(fq_inv) void e_fq_inv(u32 *r, const u32 *a) { u32 x[FQL]; fq_from32(x, a); fq_inv(x, x); fq_to32(r, x); }
EXPORT(fq2_mul) void e_fq2_mul(u32 *r, const u32 *a, const u32 *b) { u32 x[Q2], y[Q2]; fq_from32_n(x, a, 2); fq_from32_n(y, b, 2); fq2_mul(x, x, y); fq_to32_n(r, x, 2); }
EXPORT(fq2_inv) void e_fq2_inv(u32 *r, const u32 *a) { u32 x[Q2]; fq_from32_n(x, a, 2); fq2_inv(x, x); fq_to32_n(r, x, 2); }
// The lazy products (below 2p in and out, msm.h's batch additions) on inputs of which those picked by
// `mask` (bit k: the k-th Fq coordinate, a's first) are raised by p into [p, 2p), the top of their range, for
// the differential tests; the results leave through fq_to32, which is canonical.
static void fq_raise_n(u32 *x, const u32 *a32, u32 count, u32 mask) {
  fq_from32_n(x, a32, count);
  for (u32 i = 0; i < count; i++) if ((mask >> i) & 1) fq29_add_wide(x + i * FQL, x + i * FQL, FQ29_P);
}
// (a b) b: a lazy product fed to a product again.
EXPORT(fq_mul_raised) void e_fq_mul_raised(u32 *r, const u32 *a, const u32 *b, u32 mask) { u32 x[FQL], y[FQL]; fq_raise_n(x, a, 1, mask); fq_raise_n(y, b, 1, mask >> 1); fq_mul_lazy(x, x, y); fq_mul(x, x, y); fq_to32(r, x); }
EXPORT(fq2_mul_raised) void e_fq2_mul_raised(u32 *r, const u32 *a, const u32 *b, u32 mask) { u32 x[Q2], y[Q2]; fq_raise_n(x, a, 2, mask); fq_raise_n(y, b, 2, mask >> 2); fq2_mul_lazy(x, x, y); fq_to32_n(r, x, 2); }
EXPORT(fq2_sqr_raised) void e_fq2_sqr_raised(u32 *r, const u32 *a, u32 mask) { u32 x[Q2]; fq_raise_n(x, a, 2, mask); fq2_sqr(x, x); fq_to32_n(r, x, 2); }
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

// Points, in the zkey's form: G1 Jacobian 24 words, affine 16; G2 Jacobian 48, affine 32 (2 or 3
// coordinates of k Fq elements each, k = 1 for G1 and 2 for G2). The MSMs take bases either in that
// form (converted per call) or resident in the engine's form (g1_msm_resident, after g1_import).
#define POINT_EXPORTS(G, K)                                                                                          \
  EXPORT(G##_add) void e_##G##_add(u32 *r, const u32 *p, const u32 *q) {                                            \
    u32 x[3 * K * FQL], y[3 * K * FQL]; fq_from32_n(x, p, 3 * K); fq_from32_n(y, q, 3 * K);                            \
    G##_add(x, x, y); fq_to32_n(r, x, 3 * K); }                                                                      \
  EXPORT(G##_madd) void e_##G##_madd(u32 *r, const u32 *p, const u32 *a) {                                          \
    u32 x[3 * K * FQL], y[2 * K * FQL]; fq_from32_n(x, p, 3 * K); fq_from32_n(y, a, 2 * K);                            \
    G##_madd(x, x, y); fq_to32_n(r, x, 3 * K); }                                                                     \
  EXPORT(G##_dbl) void e_##G##_dbl(u32 *r, const u32 *p) {                                                          \
    u32 x[3 * K * FQL]; fq_from32_n(x, p, 3 * K); G##_dbl(x, x); fq_to32_n(r, x, 3 * K); }                            \
  EXPORT(G##_to_affine) void e_##G##_to_aff(u32 *a, const u32 *p) {                                                 \
    u32 x[3 * K * FQL], y[2 * K * FQL]; fq_from32_n(x, p, 3 * K); G##_to_aff(y, x); fq_to32_n(a, y, 2 * K); }         \
  EXPORT(G##_from_affine) void e_##G##_from_aff(u32 *p, const u32 *a) {                                             \
    u32 x[3 * K * FQL], y[2 * K * FQL]; fq_from32_n(y, a, 2 * K); G##_from_aff(x, y); fq_to32_n(p, x, 3 * K); }       \
  EXPORT(G##_msm_resident) void e_##G##_msm_resident(u32 *r, const u32 *bases, const u32 *scalars, u32 n) {         \
    u32 x[3 * K * FQL]; G##_msm(x, bases, scalars, n); fq_to32_n(r, x, 3 * K); }                                     \
  EXPORT(G##_msm_part) void e_##G##_msm_part(u32 *r, const u32 *bases, const u32 *scalars, u32 n, u32 share, u32 side) { \
    u32 x[3 * K * FQL]; G##_msm_part(x, bases, scalars, n, share, side); fq_to32_n(r, x, 3 * K); }                   \
  EXPORT(G##_msm) void e_##G##_msm(u32 *r, const u32 *bases, const u32 *scalars, u32 n) {                           \
    u32 mark = heap_mark(), *b = (u32 *)alloc(2 * n * 2 * K * FQL * 4);                                              \
    G##_import(b, bases, n); e_##G##_msm_resident(r, b, scalars, n); heap_reset(mark); }
POINT_EXPORTS(g1, 1)
POINT_EXPORTS(g2, 2)

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
