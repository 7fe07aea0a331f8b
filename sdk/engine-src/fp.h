// Montgomery arithmetic modulo a prime below 2^254, in 8 little-endian 32-bit limbs (R = 2^256).
// WebAssembly has a 64-bit multiply but no 128-bit product, so 32-bit limbs with 64-bit
// products keep every partial product exact (CIOS: multiply and reduce interleaved).
#pragma once
typedef unsigned int u32;
typedef unsigned long long u64;
typedef int i32;
typedef unsigned char u8;
#define NL 8
// The generic operations take the prime by pointer; inlined into the per-field wrappers of fields.h, its
// limbs become constants (immediates in the multiplication instead of loads).
#define ALWAYS_INLINE static inline __attribute__((always_inline))

typedef struct { u32 p[NL]; u32 inv; u32 one[NL]; u32 r2[NL]; } modulus;

static inline void fp_copy(u32 *r, const u32 *a) { for (int i = 0; i < NL; i++) r[i] = a[i]; }
static inline void fp_zero(u32 *r) { for (int i = 0; i < NL; i++) r[i] = 0; }
static inline int fp_is_zero(const u32 *a) { u32 x = 0; for (int i = 0; i < NL; i++) x |= a[i]; return x == 0; }
static inline int fp_eq(const u32 *a, const u32 *b) { u32 x = 0; for (int i = 0; i < NL; i++) x |= a[i] ^ b[i]; return x == 0; }

// r = t - p if t >= p, else t (t < 2p).
ALWAYS_INLINE void fp_reduce_once(u32 *r, const u32 *t, const u32 *p) {
  u32 s[NL]; u64 borrow = 0;
  for (int i = 0; i < NL; i++) { u64 d = (u64)t[i] - p[i] - borrow; s[i] = (u32)d; borrow = (d >> 63) & 1; }
  if (borrow) fp_copy(r, t); else fp_copy(r, s);
}

ALWAYS_INLINE void fp_add(u32 *r, const u32 *a, const u32 *b, const u32 *p) {
  u32 t[NL]; u64 c = 0;
  for (int i = 0; i < NL; i++) { c += (u64)a[i] + b[i]; t[i] = (u32)c; c >>= 32; }
  fp_reduce_once(r, t, p);
}

ALWAYS_INLINE void fp_sub(u32 *r, const u32 *a, const u32 *b, const u32 *p) {
  u32 t[NL]; u64 borrow = 0;
  for (int i = 0; i < NL; i++) { u64 d = (u64)a[i] - b[i] - borrow; t[i] = (u32)d; borrow = (d >> 63) & 1; }
  if (borrow) { u64 c = 0; for (int i = 0; i < NL; i++) { c += (u64)t[i] + p[i]; t[i] = (u32)c; c >>= 32; } }
  fp_copy(r, t);
}

ALWAYS_INLINE void fp_neg(u32 *r, const u32 *a, const u32 *p) {
  if (fp_is_zero(a)) { fp_zero(r); return; }
  u32 z[NL]; fp_zero(z); fp_sub(r, z, a, p);
}

ALWAYS_INLINE void fp_mul(u32 *r, const u32 *a, const u32 *b, const u32 *p, u32 inv) {
  u32 t[NL + 2];
  for (int i = 0; i < NL + 2; i++) t[i] = 0;
  for (int i = 0; i < NL; i++) {
    u64 c = 0; u32 bi = b[i];
    for (int j = 0; j < NL; j++) { c += (u64)a[j] * bi + t[j]; t[j] = (u32)c; c >>= 32; }
    c += t[NL]; t[NL] = (u32)c; t[NL + 1] = (u32)(c >> 32);
    u32 m = t[0] * inv;
    c = ((u64)m * p[0] + t[0]) >> 32;
    for (int j = 1; j < NL; j++) { c += (u64)m * p[j] + t[j]; t[j - 1] = (u32)c; c >>= 32; }
    c += t[NL]; t[NL - 1] = (u32)c; t[NL] = t[NL + 1] + (u32)(c >> 32);
  }
  fp_reduce_once(r, t, p);
}

// Checks a modulus's constants against its prime (-p^-1 mod 2^32, R mod p, R^2 mod p): they are
// compile-time constants so that the multiplication's limbs of p become immediates.
static int modulus_check(const modulus *m) {
  u32 x = 1;
  for (int i = 0; i < 5; i++) x *= 2 - m->p[0] * x; // Newton: x = p^-1 mod 2^32
  if (m->inv != (u32)0 - x) return 0;
  u32 t[NL]; fp_zero(t); t[0] = 1;
  for (int i = 0; i < 512; i++) { fp_add(t, t, t, m->p); if (i == 255 && !fp_eq(t, m->one)) return 0; }
  return fp_eq(t, m->r2);
}

// a^e for e given as NL limbs (little-endian), Montgomery in and out.
static void fp_pow(u32 *r, const u32 *a, const u32 *e, const modulus *m) {
  u32 acc[NL], base[NL]; fp_copy(acc, m->one); fp_copy(base, a);
  for (int i = 0; i < NL * 32; i++) {
    if ((e[i >> 5] >> (i & 31)) & 1) fp_mul(acc, acc, base, m->p, m->inv);
    fp_mul(base, base, base, m->p, m->inv);
  }
  fp_copy(r, acc);
}

// Fermat: a^(p-2). Inversions are rare (one per batch, one per affine conversion).
static void fp_inv(u32 *r, const u32 *a, const modulus *m) {
  u32 e[NL]; fp_copy(e, m->p);
  e[0] -= 2; // p is odd and > 2: no borrow
  fp_pow(r, a, e, m);
}
