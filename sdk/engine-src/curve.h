// Short-Weierstrass (a = 0) point arithmetic over a field F, instantiated for G1 (F = Fq) and
// G2 (F = Fq2). Include with CURVE (name prefix), W (words per element) and F(op) (field op name).
// Jacobian points are X, Y, Z (W words each; Z = 0 is infinity); affine points are x, y, with
// (0, 0) standing for infinity as in circom's zkey.
#define CAT_(a, b) a##_##b
#define CAT(a, b) CAT_(a, b)
#define PT(op) CAT(CURVE, op)

static inline int PT(is_inf)(const u32 *p) { return F(is_zero)(p + 2 * W); }
static inline void PT(set_inf)(u32 *p) { F(one)(p); F(one)(p + W); F(zero)(p + 2 * W); }
static inline int PT(aff_is_inf)(const u32 *a) { return F(is_zero)(a) && F(is_zero)(a + W); }
static inline void PT(copy)(u32 *r, const u32 *p) { for (int i = 0; i < 3 * W; i++) r[i] = p[i]; }
static inline void PT(from_aff)(u32 *r, const u32 *a) {
  if (PT(aff_is_inf)(a)) { PT(set_inf)(r); return; }
  F(copy)(r, a); F(copy)(r + W, a + W); F(one)(r + 2 * W);
}

// dbl-2009-l.
static void PT(dbl)(u32 *r, const u32 *p) {
  if (PT(is_inf)(p)) { PT(copy)(r, p); return; }
  const u32 *X = p, *Y = p + W, *Z = p + 2 * W;
  u32 A[W], B[W], C[W], D[W], E[W], Fv[W], t[W], Z3[W];
  F(sqr)(A, X); F(sqr)(B, Y); F(sqr)(C, B);
  F(add)(t, X, B); F(sqr)(t, t); F(sub)(t, t, A); F(sub)(t, t, C); F(add)(D, t, t);
  F(add)(E, A, A); F(add)(E, E, A); F(sqr)(Fv, E);
  F(mul)(Z3, Y, Z); F(add)(Z3, Z3, Z3);
  F(sub)(r, Fv, D); F(sub)(r, r, D);                       // X3 = F - 2D
  F(add)(C, C, C); F(add)(C, C, C); F(add)(C, C, C);      // 8C
  F(sub)(t, D, r); F(mul)(t, E, t); F(sub)(r + W, t, C);  // Y3 = E(D - X3) - 8C
  F(copy)(r + 2 * W, Z3);
}

// madd-2007-bl: r = p + a with a affine; r may alias p.
static void PT(madd)(u32 *r, const u32 *p, const u32 *a) {
  if (PT(aff_is_inf)(a)) { if (r != p) PT(copy)(r, p); return; }
  if (PT(is_inf)(p)) { PT(from_aff)(r, a); return; }
  const u32 *X1 = p, *Y1 = p + W, *Z1 = p + 2 * W;
  u32 Z1Z1[W], U2[W], S2[W], H[W], HH[W], I[W], J[W], rr[W], V[W], t[W];
  F(sqr)(Z1Z1, Z1); F(mul)(U2, a, Z1Z1); F(mul)(S2, a + W, Z1); F(mul)(S2, S2, Z1Z1);
  F(sub)(H, U2, X1); F(sub)(rr, S2, Y1);
  if (F(is_zero)(H)) {
    if (F(is_zero)(rr)) PT(dbl)(r, p); else PT(set_inf)(r);
    return;
  }
  F(sqr)(HH, H); F(add)(I, HH, HH); F(add)(I, I, I); F(mul)(J, H, I);
  F(add)(rr, rr, rr); F(mul)(V, X1, I);
  u32 X3[W], Y3[W], Z3[W];
  F(sqr)(X3, rr); F(sub)(X3, X3, J); F(sub)(X3, X3, V); F(sub)(X3, X3, V);
  F(sub)(t, V, X3); F(mul)(Y3, rr, t); F(mul)(t, Y1, J); F(add)(t, t, t); F(sub)(Y3, Y3, t);
  F(add)(Z3, Z1, H); F(sqr)(Z3, Z3); F(sub)(Z3, Z3, Z1Z1); F(sub)(Z3, Z3, HH);
  F(copy)(r, X3); F(copy)(r + W, Y3); F(copy)(r + 2 * W, Z3);
}

// add-2007-bl: r = p + q, all Jacobian; r may alias either.
static void PT(add)(u32 *r, const u32 *p, const u32 *q) {
  if (PT(is_inf)(p)) { PT(copy)(r, q); return; }
  if (PT(is_inf)(q)) { if (r != p) PT(copy)(r, p); return; }
  const u32 *X1 = p, *Y1 = p + W, *Z1 = p + 2 * W, *X2 = q, *Y2 = q + W, *Z2 = q + 2 * W;
  u32 Z1Z1[W], Z2Z2[W], U1[W], U2[W], S1[W], S2[W], H[W], I[W], J[W], rr[W], V[W], t[W];
  F(sqr)(Z1Z1, Z1); F(sqr)(Z2Z2, Z2);
  F(mul)(U1, X1, Z2Z2); F(mul)(U2, X2, Z1Z1);
  F(mul)(S1, Y1, Z2); F(mul)(S1, S1, Z2Z2); F(mul)(S2, Y2, Z1); F(mul)(S2, S2, Z1Z1);
  F(sub)(H, U2, U1); F(sub)(rr, S2, S1);
  if (F(is_zero)(H)) {
    if (F(is_zero)(rr)) PT(dbl)(r, p); else PT(set_inf)(r);
    return;
  }
  F(add)(I, H, H); F(sqr)(I, I); F(mul)(J, H, I); F(add)(rr, rr, rr); F(mul)(V, U1, I);
  u32 X3[W], Y3[W], Z3[W];
  F(sqr)(X3, rr); F(sub)(X3, X3, J); F(sub)(X3, X3, V); F(sub)(X3, X3, V);
  F(sub)(t, V, X3); F(mul)(Y3, rr, t); F(mul)(t, S1, J); F(add)(t, t, t); F(sub)(Y3, Y3, t);
  F(add)(Z3, Z1, Z2); F(sqr)(Z3, Z3); F(sub)(Z3, Z3, Z1Z1); F(sub)(Z3, Z3, Z2Z2); F(mul)(Z3, Z3, H);
  F(copy)(r, X3); F(copy)(r + W, Y3); F(copy)(r + 2 * W, Z3);
}

static void PT(neg)(u32 *r, const u32 *p) { PT(copy)(r, p); F(neg)(r + W, p + W); }

static void PT(to_aff)(u32 *a, const u32 *p) {
  if (PT(is_inf)(p)) { F(zero)(a); F(zero)(a + W); return; }
  u32 zi[W], zi2[W], zi3[W];
  F(inv)(zi, p + 2 * W); F(sqr)(zi2, zi); F(mul)(zi3, zi2, zi);
  F(mul)(a, p, zi2); F(mul)(a + W, p + W, zi3);
}
