import { afterAll, beforeAll, expect, test } from 'vitest'
import { engineHarness, fromMontLe, r, randomBelow, referenceCurve, toMontLe, type Harness } from './engine-harness.test-helper.js'
import { modInv, rootOfUnity } from './bn254.js'

// The engine's FFT against ffjavascript's Fr.fft / Fr.ifft (same roots of unity), and the roots themselves.
let h: Harness
let curve: Awaited<ReturnType<typeof referenceCurve>>
beforeAll(async () => {
  h = await engineHarness()
  curve = await referenceCurve()
})
afterAll(() => curve?.terminate())

test('rootOfUnity(k) has order exactly 2^k', () => {
  for (const k of [1, 2, 13, 14, 28]) {
    let w = rootOfUnity(k)
    for (let i = 0; i < k - 1; i++) w = (w * w) % r
    expect(w).toBe(r - 1n) // w^(2^(k-1)) = -1
  }
})

test.each([1, 2, 3, 8, 13])('FFT and inverse FFT of 2^%i elements match ffjavascript', async (logn) => {
  const n = 1 << logn
  const values = Array.from({ length: n }, (_, i) => (i % 5 === 0 ? BigInt(i) : randomBelow(r)))
  const buffer = new Uint8Array(32 * n)
  values.forEach((v, i) => {
    buffer.set(toMontLe(v, r), 32 * i)
  })
  const mark = h.e.heap_mark()
  const a = h.put(buffer),
    w = h.put(toMontLe(rootOfUnity(logn), r))
  h.e.fr_fft(a, logn, w)
  const forward = h.get(a, 32 * n)
  expect(forward).toEqual(await curve.Fr.fft(buffer))
  // inverse: FFT with w^-1, then / n
  const winv = h.put(toMontLe(modInv(rootOfUnity(logn), r), r))
  h.e.fr_fft(a, logn, winv)
  const back = h.get(a, 32 * n)
  const nInv = modInv(BigInt(n), r)
  const inverse = new Uint8Array(32 * n)
  for (let i = 0; i < n; i++) inverse.set(toMontLe((fromMontLe(back.subarray(32 * i, 32 * i + 32), r) * nInv) % r, r), 32 * i)
  expect(inverse).toEqual(buffer)
  expect(inverse).toEqual(await curve.Fr.ifft(forward))
  h.e.heap_reset(mark)
})
