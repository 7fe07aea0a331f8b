// Pippenger's bucket method, included once per curve (see curve.h). Scalars are NL-limb
// little-endian integers in standard (not Montgomery) form.
// - Signed c-bit digits in [-2^(c-1), 2^(c-1)]: 2^(c-1) buckets per window, -P is a negation.
// - Zero digits and infinity bases are skipped, so the witness's many 0, 1 and small scalars cost
//   one addition or none.
// - Buckets are summed in affine coordinates: each window's points are sorted by bucket, then
//   every bucket's list is halved by pairwise additions, all pairs of a round sharing one field
//   inversion (Montgomery's trick): ~6 multiplications an addition instead of ~11 for a mixed
//   Jacobian one. A bucket heavy with points (the 1s) needs only log2(size) rounds.

// Adds count pairs of affine points in place: pts[dst[k]] = pts[a[k]] + pts[b[k]], with one
// inversion for all. The running products, inverses and slopes only feed products, so they stay below 2p
// (F(mul_lazy)); the coordinates written are canonical (F(mul)), as the comparisons need. Handles P + P, P + (-P) and infinity (0, 0) on either side. dst[k] may be an
// input of a later pair only if that pair comes after k (results are written in order).
// Not inlined (nor the window loop below): V8 cannot swap a running wasm call to optimised code, so hot
// work must live in functions called many times for the first MSM in a fresh thread to tier up.
__attribute__((noinline)) static void PT(batch_add)(u32 *pts, const u32 *pairs, u32 count, u32 *prefix, u8 *kind) {
  u32 acc[W], den[W], t[W];
  F(one)(acc);
  for (u32 k = 0; k < count; k++) {
    const u32 *p = pts + pairs[3 * k] * 2 * W, *q = pts + pairs[3 * k + 1] * 2 * W;
    u8 kd = 0;
    if (PT(aff_is_inf)(p)) kd = 2;           // result q
    else if (PT(aff_is_inf)(q)) kd = 3;      // result p
    else if (F(eq)(p, q)) kd = F(eq)(p + W, q + W) ? 1 : 4; // doubling, or P + (-P) = infinity
    kind[k] = kd;
    if (kd == 0) { F(sub)(den, q, p); F(mul_lazy)(acc, acc, den); }
    else if (kd == 1) { F(add)(den, p + W, p + W); F(mul_lazy)(acc, acc, den); }
    F(copy)(prefix + k * W, acc);
  }
  u32 inv[W];
  F(inv)(inv, acc);
  // Backwards: prefix[k] becomes 1 / den[k] (entries without a denominator keep a copy of acc).
  for (u32 k = count; k-- > 0;) {
    u8 kd = kind[k];
    if (kd > 1) continue;
    const u32 *p = pts + pairs[3 * k] * 2 * W, *q = pts + pairs[3 * k + 1] * 2 * W;
    if (kd == 0) F(sub)(den, q, p); else F(add)(den, p + W, p + W);
    // the previous prefix with a denominator is prefix[k - 1] (entries without one copied it)
    if (k) F(mul_lazy)(t, inv, prefix + (k - 1) * W); else F(copy)(t, inv);
    F(mul_lazy)(inv, inv, den);
    F(copy)(prefix + k * W, t);
  }
  for (u32 k = 0; k < count; k++) {
    const u32 *p = pts + pairs[3 * k] * 2 * W, *q = pts + pairs[3 * k + 1] * 2 * W;
    u32 *r = pts + pairs[3 * k + 2] * 2 * W;
    u8 kd = kind[k];
    if (kd == 2) { if (r != q) { F(copy)(r, q); F(copy)(r + W, q + W); } continue; }
    if (kd == 3) { if (r != p) { F(copy)(r, p); F(copy)(r + W, p + W); } continue; }
    if (kd == 4) { F(zero)(r); F(zero)(r + W); continue; }
    u32 lambda[W], x3[W], y3[W];
    if (kd == 0) { F(sub)(t, q + W, p + W); F(mul_lazy)(lambda, t, prefix + k * W); }
    else { F(sqr)(t, p); F(add)(lambda, t, t); F(add)(t, lambda, t); F(mul_lazy)(lambda, t, prefix + k * W); }
    F(sqr)(x3, lambda); F(sub)(x3, x3, p); F(sub)(x3, x3, q);
    F(sub)(t, p, x3); F(mul)(y3, lambda, t); F(sub)(y3, y3, p + W);
    F(copy)(r, x3); F(copy)(r + W, y3);
  }
}

// One window: sort its points into buckets, halve each bucket's list, and write the nb bucket sums
// (affine, infinity for an empty one) to bk for PT(reduce_windows).
__attribute__((noinline)) static void PT(msm_window)(u32 *bk, const short *d, const u32 *bases, u32 n, u32 nb, u32 *pts, u32 *start, u32 *len, u32 *pairs, u32 *prefix, u8 *kind) {
    for (u32 b = 0; b <= nb; b++) start[b] = 0;
    for (u32 i = 0; i < n; i++) if (d[i] && !PT(aff_is_inf)(bases + i * 2 * W)) start[(d[i] > 0 ? d[i] : -d[i]) - 1 + 1]++;
    for (u32 b = 0; b < nb; b++) { len[b] = start[b + 1]; start[b + 1] += start[b]; }
    for (u32 b = 0; b < nb; b++) len[b] = 0;
    for (u32 i = 0; i < n; i++) {
      int k = d[i];
      const u32 *base = bases + i * 2 * W;
      if (!k || PT(aff_is_inf)(base)) continue;
      u32 b = (u32)(k > 0 ? k : -k) - 1;
      u32 *dst = pts + (start[b] + len[b]++) * 2 * W;
      F(copy)(dst, base);
      if (k > 0) F(copy)(dst + W, base + W); else F(neg)(dst + W, base + W);
    }
    // Halve every bucket's list until each holds one point.
    for (;;) {
      u32 count = 0;
      for (u32 b = 0; b < nb; b++)
        for (u32 j = 0; j < len[b] / 2; j++) {
          pairs[3 * count] = start[b] + 2 * j; pairs[3 * count + 1] = start[b] + 2 * j + 1; pairs[3 * count + 2] = start[b] + j;
          count++;
        }
      if (!count) break;
      PT(batch_add)(pts, pairs, count, prefix, kind);
      for (u32 b = 0; b < nb; b++) {
        if (len[b] & 1 && len[b] > 1) {
          u32 *from = pts + (start[b] + len[b] - 1) * 2 * W, *to = pts + (start[b] + len[b] / 2) * 2 * W;
          F(copy)(to, from); F(copy)(to + W, from + W);
        }
        len[b] = (len[b] + 1) / 2;
      }
    }
    for (u32 b = 0; b < nb; b++) {
      u32 *to = bk + b * 2 * W;
      if (len[b]) { const u32 *from = pts + start[b] * 2 * W; F(copy)(to, from); F(copy)(to + W, from + W); }
      else { F(zero)(to); F(zero)(to + W); }
    }
}

// Every window's sum_b (b + 1) bk[w][b], into win[w] (Jacobian). Each window's buckets are cut into
// S segments of L; all windows' segments run their running sums side by side, so each step is one
// batch of affine additions sharing one inversion (~6 multiplications an addition instead of the ~27 of
// a Jacobian running sum). A segment s ends with acc_s = sum_j (j + 1) B[sL + j] and sum_s = sum_j
// B[sL + j]; the window's total is sum_s acc_s + L sum_s s sum_s (a short Jacobian running sum).
// pts holds the buckets followed by each lane's sum and acc; pairs, prefix and kind hold 2 lanes.
__attribute__((noinline)) static void PT(reduce_windows)(u32 *win, u32 *pts, u32 nwin, u32 nb, u32 *pairs, u32 *prefix, u8 *kind) {
  u32 S = msm_segments(nwin, nb), L = nb / S, lanes = nwin * S;
  u32 sums = nwin * nb, accs = sums + lanes; // point indices into pts
  for (u32 i = sums; i < accs + lanes; i++) { F(zero)(pts + i * 2 * W); F(zero)(pts + i * 2 * W + W); }
  // Step j (from the top of each segment down): acc += sum (of step j + 1), then sum += B[sL + j];
  // acc pairs come first in the batch, so they read sum before the sum pairs overwrite it.
  for (u32 step = 0; step <= L; step++) {
    u32 count = 0;
    for (u32 lane = 0; step && lane < lanes; lane++) {
      pairs[3 * count] = accs + lane; pairs[3 * count + 1] = sums + lane; pairs[3 * count + 2] = accs + lane;
      count++;
    }
    for (u32 lane = 0; step < L && lane < lanes; lane++) {
      u32 w = lane / S, seg = lane % S, b = w * nb + seg * L + (L - 1 - step);
      pairs[3 * count] = sums + lane; pairs[3 * count + 1] = b; pairs[3 * count + 2] = sums + lane;
      count++;
    }
    PT(batch_add)(pts, pairs, count, prefix, kind);
  }
  u32 log2L = 0; while ((1u << log2L) < L) log2L++;
  for (u32 w = 0; w < nwin; w++) {
    u32 t[3 * W], run[3 * W], u[3 * W], *out = win + w * 3 * W;
    PT(set_inf)(t); PT(set_inf)(run); PT(set_inf)(u);
    for (int seg = (int)S - 1; seg >= 0; seg--) {
      u32 lane = w * S + (u32)seg;
      PT(madd)(t, t, pts + (accs + lane) * 2 * W);
      if (!seg) break;
      PT(madd)(run, run, pts + (sums + lane) * 2 * W);
      PT(add)(u, u, run);
    }
    for (u32 j = 0; j < log2L; j++) PT(dbl)(u, u);
    PT(add)(out, t, u);
  }
}

// bases: n affine points followed by their images under the endomorphism (PT(import) writes both);
// scalars: n standard-form Fr elements. Each scalar k = k1 + k2 lambda (glv.h) puts k1 on P_i and |k2|
// on (+-)phi(P_i): 2n scalars of 128 bits.
// Two threads split an MSM by windows, not by bases, so neither reduces buckets the other reduces too:
// the first `share` thousandths of the windows (rounded) are side 0's, the rest side 1's, and the two
// results add up to the whole MSM (share 1000 leaves side 0 every window: one thread). Both sides see every
// base and scalar, so they choose the same window size.
static void PT(msm_part)(u32 *out, const u32 *bases, const u32 *scalars, u32 n, u32 share, u32 side) {
  PT(set_inf)(out);
  u32 mark = heap_mark(), m = 2 * n;
  u32 *halves = (u32 *)alloc(m * NL * 4);
  u8 *neg = (u8 *)alloc(n);
  u32 live = 0;
  for (u32 i = 0; i < n; i++) {
    if (PT(aff_is_inf)(bases + i * 2 * W)) { fp_zero(halves + i * NL); fp_zero(halves + (n + i) * NL); neg[i] = 0; continue; }
    glv_split(halves + i * NL, halves + (n + i) * NL, neg + i, scalars + i * NL);
    live += !fp_is_zero(halves + i * NL);
    live += !fp_is_zero(halves + (n + i) * NL);
  }
  if (!live) { heap_reset(mark); return; }
  u32 c = msm_window_bits(live, GLV_BITS), nwin = GLV_BITS / c + 1, nb = 1u << (c - 1);
  u32 split = share >= 1000 ? nwin : (nwin * share + 500) / 1000;
  u32 lo = side == 1 ? split : 0, hi = side == 0 ? split : nwin, count = hi - lo;
  if (!count) { heap_reset(mark); return; }
  short *digits = (short *)alloc(m * nwin * sizeof(short));
  u32 *windows = (u32 *)alloc(count * 3 * W * 4);
  u32 *pts = (u32 *)alloc(live * 2 * W * 4);       // this window's points, grouped by bucket
  u32 lanes = count * msm_segments(count, nb), batch = live / 2 + 1 > 2 * lanes ? live / 2 + 1 : 2 * lanes;
  u32 *bk = (u32 *)alloc((count * nb + 2 * lanes) * 2 * W * 4); // every window's buckets, then the lanes' sums and accs
  u32 *start = (u32 *)alloc((nb + 1) * 4), *len = (u32 *)alloc(nb * 4);
  u32 *pairs = (u32 *)alloc(batch * 3 * 4);
  u32 *prefix = (u32 *)alloc(batch * W * 4);
  u8 *kind = (u8 *)alloc(batch);
  recode_signed(digits, halves, m, c, nwin);
  // k2 < 0: -|k2| phi(P) = |k2| (-phi(P)), a negation of every digit.
  for (u32 w = lo; w < hi; w++) for (u32 i = 0; i < n; i++) if (neg[i]) digits[w * m + n + i] = (short)-digits[w * m + n + i];
  for (u32 w = lo; w < hi; w++) PT(msm_window)(bk + (w - lo) * nb * 2 * W, digits + w * m, bases, m, nb, pts, start, len, pairs, prefix, kind);
  PT(reduce_windows)(windows, bk, count, nb, pairs, prefix, kind);
  for (int w = (int)count - 1; w >= 0; w--) {
    if (w != (int)count - 1) for (u32 j = 0; j < c; j++) PT(dbl)(out, out);
    PT(add)(out, out, windows + w * 3 * W);
  }
  for (u32 j = 0; j < c * lo; j++) PT(dbl)(out, out); // the part's lowest window is window lo: times 2^(c lo)
  heap_reset(mark);
}
static void PT(msm)(u32 *out, const u32 *bases, const u32 *scalars, u32 n) { PT(msm_part)(out, bases, scalars, n, 1000, 0); }

// The MSM's resident form of n affine points: the points, then phi(P) = (beta x, y) for each.
static void PT(import)(u32 *dst, const u32 *src32, u32 n) {
  fq_from32_n(dst, src32, 2 * (W / FQL) * n);
  for (u32 i = 0; i < n; i++) {
    const u32 *p = dst + i * 2 * W;
    u32 *q = dst + (n + i) * 2 * W;
    PT(endo_x)(q, p);
    F(copy)(q + W, p + W);
  }
}
