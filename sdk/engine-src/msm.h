// Pippenger's bucket method with signed c-bit digits (digits in [-2^(c-1), 2^(c-1)], so 2^(c-1)
// buckets per window and -P costs a negation). Zero digits are skipped, so the witness's many 0,
// 1 and small scalars cost one addition or none. Included once per curve (see curve.h).
// Scalars are NL-limb little-endian integers in standard (not Montgomery) form.

static void PT(msm)(u32 *out, const u32 *bases, const u32 *scalars, u32 n) {
  PT(set_inf)(out);
  u32 nonzero = 0;
  for (u32 i = 0; i < n; i++) nonzero += !fp_is_zero(scalars + i * NL);
  if (!nonzero) return;
  u32 c = msm_window_bits(nonzero), nwin = 256 / c + 1, nb = 1u << (c - 1);
  u32 mark = heap_mark();
  short *digits = (short *)alloc(n * nwin * sizeof(short));
  u32 *buckets = (u32 *)alloc(nb * 3 * W * 4);
  u32 *windows = (u32 *)alloc(nwin * 3 * W * 4);
  recode_signed(digits, scalars, n, c, nwin);
  u32 neg[2 * W], sum[3 * W];
  for (u32 w = 0; w < nwin; w++) {
    for (u32 b = 0; b < nb; b++) PT(set_inf)(buckets + b * 3 * W);
    const short *d = digits + w * n;
    for (u32 i = 0; i < n; i++) {
      int k = d[i];
      if (!k) continue;
      const u32 *base = bases + i * 2 * W;
      if (k > 0) PT(madd)(buckets + (k - 1) * 3 * W, buckets + (k - 1) * 3 * W, base);
      else { F(copy)(neg, base); F(neg)(neg + W, base + W); PT(madd)(buckets + (-k - 1) * 3 * W, buckets + (-k - 1) * 3 * W, neg); }
    }
    // Running sum from the top bucket: acc = sum_b (b + 1) * bucket[b].
    u32 *acc = windows + w * 3 * W;
    PT(set_inf)(sum); PT(set_inf)(acc);
    for (int b = (int)nb - 1; b >= 0; b--) { PT(add)(sum, sum, buckets + b * 3 * W); PT(add)(acc, acc, sum); }
  }
  for (int w = (int)nwin - 1; w >= 0; w--) {
    if (w != (int)nwin - 1) for (u32 j = 0; j < c; j++) PT(dbl)(out, out);
    PT(add)(out, out, windows + w * 3 * W);
  }
  heap_reset(mark);
}
