import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { artifactPath } from '@proofx/test-helpers/committed-artifacts'
import { engineHarness, fromMontLe, g1Object, g2Object, q, r, referenceCurve, scalars, toLe32, toMontLe, type Harness } from './engine-harness.test-helper.js'
import { importBases } from './engine-module.js'
import { readZkey, type Zkey } from './read-zkey.js'

// Differential tests of the engine's G1/G2 arithmetic and multi-scalar multiplication against
// ffjavascript (snarkjs's curve), on the committed zkey's points.
let h: Harness
let zkey: Zkey
let curve: Awaited<ReturnType<typeof referenceCurve>>
beforeAll(async () => {
  h = await engineHarness()
  zkey = readZkey(new Uint8Array(readFileSync(artifactPath('compliance.zkey'))))
  curve = await referenceCurve()
})
afterAll(() => curve?.terminate())

const groups = [
  {
    name: 'G1',
    size: 64,
    jac: 96,
    points: () => zkey.pointsH,
    msm: 'g1_msm',
    resident: 'g1_msm_resident',
    add: 'g1_add',
    madd: 'g1_madd',
    dbl: 'g1_dbl',
    toAff: 'g1_to_affine',
    fromAff: 'g1_from_affine',
    obj: g1Object,
    ref: () => curve.G1,
    coords: 2,
  },
  {
    name: 'G2',
    size: 128,
    jac: 192,
    points: () => zkey.pointsB2.subarray(128 * (zkey.nPublic + 1)),
    msm: 'g2_msm',
    resident: 'g2_msm_resident',
    add: 'g2_add',
    madd: 'g2_madd',
    dbl: 'g2_dbl',
    toAff: 'g2_to_affine',
    fromAff: 'g2_from_affine',
    obj: g2Object,
    ref: () => curve.G2,
    coords: 4,
  },
] as const

/** -P in the zkey's affine form: y -> q - y in every coordinate of y. */
function negate(point: Uint8Array, coords: number): Uint8Array {
  const out = point.slice()
  for (let i = coords / 2; i < coords; i++) {
    const y = fromMontLe(point.subarray(32 * i, 32 * i + 32), q)
    out.set(toMontLe(y === 0n ? 0n : q - y, q), 32 * i)
  }
  return out
}

describe.each(groups)('$name', (g) => {
  const point = (i: number) => g.points().slice(i * g.size, (i + 1) * g.size)
  const refMsm = async (bases: Uint8Array, s: Uint8Array) => g.ref().toObject(g.ref().toAffine(await g.ref().multiExpAffine(bases, s)))
  /** The MSM with bases in the zkey's form, or (resident) imported once into the engine's form as the prover does. */
  const mine = (bases: Uint8Array, s: Uint8Array, resident = false) => {
    const mark = h.e.heap_mark()
    const pb = resident ? importBases(h.e, g.name === 'G1' ? 1 : 2, bases) : h.put(bases),
      ps = h.put(s),
      out = h.alloc(g.jac),
      aff = h.alloc(g.size)
    h.e[resident ? g.resident : g.msm](out, pb, ps, s.length / 32)
    h.e[g.toAff](aff, out)
    const result = g.obj(h.get(aff, g.size))
    h.e.heap_reset(mark)
    return result
  }
  const cat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
    let offset = 0
    for (const p of parts) {
      out.set(p, offset)
      offset += p.length
    }
    return out
  }
  const ones = (n: number) => scalars(n, 'one')

  test('add, mixed add and double, including P + P, P + (-P) and infinity', async () => {
    const P = point(0),
      Q = point(1),
      negP = negate(P, g.coords),
      inf = new Uint8Array(g.size)
    const mark = h.e.heap_mark()
    const jac = (affine: Uint8Array) => {
      const a = h.put(affine),
        j = h.alloc(g.jac)
      h.e[g.fromAff](j, a)
      return j
    }
    const read = (j: number) => {
      const a = h.alloc(g.size)
      h.e[g.toAff](a, j)
      return g.obj(h.get(a, g.size))
    }
    const out = h.alloc(g.jac)
    const cases: [Uint8Array, Uint8Array, Uint8Array, Uint8Array][] = [
      [P, Q, cat(P, Q), ones(2)],
      [P, P, P, scalars(1, 'zero').map((_, i) => (i === 0 ? 2 : 0))],
      [P, negP, cat(P, negP), ones(2)],
      [P, inf, P, ones(1)],
      [inf, Q, Q, ones(1)],
    ]
    for (const [a, b, bases, s] of cases) {
      const expected = await refMsm(bases, s)
      h.e[g.add](out, jac(a), jac(b))
      expect(read(out)).toEqual(expected)
      h.e[g.madd](out, jac(a), h.put(b))
      expect(read(out)).toEqual(expected)
    }
    h.e[g.dbl](out, jac(P))
    expect(read(out)).toEqual(
      await refMsm(
        P,
        scalars(1, 'zero').map((_, i) => (i === 0 ? 2 : 0)),
      ),
    )
    h.e[g.dbl](out, jac(inf))
    expect(read(out)).toEqual(g.obj(inf))
    h.e.heap_reset(mark)
  })

  test('MSM batches with P + P and P + (-P) in the same bucket, and infinity bases', async () => {
    const P = point(2),
      negP = negate(P, g.coords),
      Q = point(3),
      inf = new Uint8Array(g.size)
    for (const bases of [cat(P, P), cat(P, negP), cat(P, negP, Q), cat(P, P, negP, negP, Q, Q), cat(inf, P, inf, negP), cat(P, P, P)]) {
      const s = ones(bases.length / g.size)
      expect(mine(bases, s)).toEqual(await refMsm(bases, s))
    }
    const s = new Uint8Array([...toLe32(5n), ...toLe32(5n)])
    expect(mine(cat(P, negP), s)).toEqual(await refMsm(cat(P, negP), s))
  })

  // Every base the same point P (or -P): every bucket is a multiple of P, so the bucket reduction's batched
  // running sums meet sum = bucket (a doubling), sum = -bucket (infinity) and empty buckets, in every lane.
  test('MSM whose buckets are all multiples of one point: the running sums double and cancel', async () => {
    const P = point(5),
      negP = negate(P, g.coords)
    for (const n of [2, 3, 6, 40, 600]) {
      const bases = cat(...Array.from({ length: n }, (_, i) => (i % 3 === 2 ? negP : P)))
      const cases = [
        Array.from({ length: n }, (_, i) => BigInt(i + 1)),
        Array.from({ length: n }, (_, i) => BigInt(2 ** (i % 12))),
        Array.from({ length: n }, () => BigInt(Math.floor(Math.random() * 4096))),
        Array.from({ length: n }, (_, i) => (i % 2 ? r - BigInt(i) : BigInt(i))),
      ]
      for (const values of cases) {
        const s = cat(...values.map((v) => toLe32(v)))
        expect(mine(bases, s, true), `${n} points, scalars ${values.slice(0, 4).join(', ')}, ...`).toEqual(await refMsm(bases, s))
      }
    }
  })

  // Two threads split an MSM by windows (both hold every base): side 0's first `share` thousandths of the
  // windows plus side 1's rest is the whole MSM, for any share, including one that leaves a side nothing.
  test('MSM split by windows: the two parts add up to the whole for every share', async () => {
    const part = g.name === 'G1' ? 'g1_msm_part' : 'g2_msm_part'
    for (const [n, kind] of [
      [1, 'full'],
      [64, 'mixed'],
      [700, 'full'],
      [700, 'mixed'],
    ] as const) {
      const bases = g.points().subarray(0, n * g.size)
      const s = scalars(n, kind)
      const expected = await refMsm(bases, s)
      for (const share of [0, 1, 460, 500, 999, 1000]) {
        const mark = h.e.heap_mark()
        const pb = importBases(h.e, g.name === 'G1' ? 1 : 2, bases),
          ps = h.put(s),
          out = h.alloc(2 * g.jac),
          aff = h.alloc(g.size)
        h.e[part](out, pb, ps, n, share, 0)
        h.e[part](out + g.jac, pb, ps, n, share, 1)
        h.e[g.add](out, out, out + g.jac)
        h.e[g.toAff](aff, out)
        expect(g.obj(h.get(aff, g.size)), `${n} ${kind} scalars, share ${share}`).toEqual(expected)
        h.e.heap_reset(mark)
      }
    }
  })

  const sizes = g.name === 'G1' ? [1, 2, 3, 7, 64, 500, 2048, 8192] : [1, 2, 5, 64, 700, 4096]
  test.each(sizes)('MSM of %i points matches ffjavascript for 0, 1, small, full-width, r - 1 and mixed scalars', async (n) => {
    const bases = g.points().subarray(0, n * g.size)
    const kinds = n > 1000 ? (['mixed', 'full'] as const) : (['zero', 'one', 'small', 'full', 'minusOne', 'mixed'] as const)
    for (const kind of kinds) {
      const s = scalars(n, kind)
      const expected = await refMsm(bases, s)
      expect(mine(bases, s, true), kind).toEqual(expected)
      if (n <= 64) expect(mine(bases, s), `${kind}, bases in the zkey's form`).toEqual(expected)
    }
  })
})
