import { beforeAll, describe, expect, test } from 'vitest'
import { engineHarness, fromMontLe, q, r, randomBelow, referenceCurve, toMontLe, type Harness } from './engine-harness.test-helper.js'

// Differential tests of the engine's field arithmetic against bigint arithmetic and ffjavascript's Fq2.
let h: Harness
beforeAll(async () => {
  h = await engineHarness()
})

const edge = (m: bigint) => [0n, 1n, 2n, m - 1n, m - 2n, (m - 1n) / 2n, 1n << 253n, (1n << 128n) - 1n]
const samples = (m: bigint) => [...edge(m), ...Array.from({ length: 200 }, () => randomBelow(m))]

describe.each([
  { name: 'Fq', m: q, mul: 'fq_mul', add: 'fq_add', sub: 'fq_sub', inv: 'fq_inv' },
  { name: 'Fr', m: r, mul: 'fr_mul', add: 'fr_add', sub: 'fr_sub', inv: 'fr_inv' },
] as const)('$name', ({ m, mul, add, sub, inv }) => {
  const binary = (op: 'mul' | 'add' | 'sub', a: bigint, b: bigint) => {
    const pa = h.put(toMontLe(a, m)),
      pb = h.put(toMontLe(b, m)),
      out = h.alloc(32)
    h.e[op === 'mul' ? mul : op === 'add' ? add : sub](out, pa, pb)
    return fromMontLe(h.get(out, 32), m)
  }

  test('mul, add, sub match bigint arithmetic on edge values and random ones', () => {
    const xs = samples(m)
    const mark = h.e.heap_mark()
    for (let i = 0; i < xs.length; i++) {
      const a = xs[i]!,
        b = xs[(i * 7 + 3) % xs.length]!
      expect(binary('mul', a, b)).toBe((a * b) % m)
      expect(binary('add', a, b)).toBe((a + b) % m)
      expect(binary('sub', a, b)).toBe((((a - b) % m) + m) % m)
      expect(binary('mul', a, a)).toBe((a * a) % m)
      h.e.heap_reset(mark)
    }
  })

  test('inv gives the multiplicative inverse (and 0 for 0)', () => {
    const mark = h.e.heap_mark()
    for (const a of samples(m).slice(0, 40)) {
      const pa = h.put(toMontLe(a, m)),
        out = h.alloc(32)
      h.e[inv](out, pa)
      const x = fromMontLe(h.get(out, 32), m)
      expect(a === 0n ? x : (x * a) % m).toBe(a === 0n ? 0n : 1n)
      h.e.heap_reset(mark)
    }
  })
})

describe('Fq2', () => {
  test('mul and inv match ffjavascript', async () => {
    const curve = await referenceCurve()
    const mark = h.e.heap_mark()
    for (let i = 0; i < 60; i++) {
      const a = new Uint8Array([...toMontLe(randomBelow(q), q), ...toMontLe(i === 0 ? 0n : randomBelow(q), q)])
      const b = new Uint8Array([...toMontLe(i === 1 ? q - 1n : randomBelow(q), q), ...toMontLe(randomBelow(q), q)])
      const pa = h.put(a),
        pb = h.put(b),
        out = h.alloc(64)
      h.e.fq2_mul(out, pa, pb)
      expect(h.get(out, 64)).toEqual(curve.F2.mul(a, b))
      h.e.fq2_mul(out, pa, pa)
      expect(h.get(out, 64)).toEqual(curve.F2.mul(a, a))
      h.e.fq2_inv(out, pa)
      expect(h.get(out, 64)).toEqual(curve.F2.inv(a))
      h.e.heap_reset(mark)
    }
  })
})

// msm.h's batch additions keep running products and slopes below 2p (no final subtraction); these feed
// the products inputs at the top of that range, [p, 2p), and check the residues.
describe('lazy products (inputs below 2p)', () => {
  test('Fq: a lazy product of raised inputs, fed to a product again, is (a b) b mod q', () => {
    const mark = h.e.heap_mark()
    for (const [i, a] of samples(q).entries()) {
      const b = samples(q)[(i * 5 + 1) % 50]!
      const pa = h.put(toMontLe(a, q)),
        pb = h.put(toMontLe(b, q)),
        out = h.alloc(32)
      for (let mask = 0; mask < 4; mask++) {
        h.e.fq_mul_raised(out, pa, pb, mask)
        expect(fromMontLe(h.get(out, 32), q), `mask ${mask}`).toBe((((a * b) % q) * b) % q)
      }
      h.e.heap_reset(mark)
    }
  })

  test('Fq2: product and square with any of their coordinates raised match ffjavascript', async () => {
    const curve = await referenceCurve()
    const mark = h.e.heap_mark()
    const edges = [0n, 1n, q - 1n, q - 2n]
    for (let i = 0; i < 80; i++) {
      const coordinate = (k: number) => toMontLe(i < 16 ? edges[(i >> k) & 3]! : randomBelow(q), q)
      const a = new Uint8Array([...coordinate(0), ...coordinate(2)])
      const b = new Uint8Array([...toMontLe(randomBelow(q), q), ...toMontLe(i % 3 ? randomBelow(q) : q - 1n, q)])
      const pa = h.put(a),
        pb = h.put(b),
        out = h.alloc(64)
      // Every pattern of raised coordinates: one raised and one not is where an unreduced difference goes negative.
      for (let mask = 0; mask < 16; mask++) {
        h.e.fq2_mul_raised(out, pa, pb, mask)
        expect(h.get(out, 64), `mask ${mask}`).toEqual(curve.F2.mul(a, b))
        h.e.fq2_sqr_raised(out, pa, mask & 3)
        expect(h.get(out, 64), `mask ${mask & 3}`).toEqual(curve.F2.mul(a, a))
      }
      h.e.heap_reset(mark)
    }
  })
})
