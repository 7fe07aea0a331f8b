import { describe, expect, test } from 'vitest'
import type { Contribution } from './ceremony.js'
import { compareContributions } from './compare-contributions.js'
import type { SetupManifest } from './run-setup.js'

const h = (c: string) => c.repeat(128)
const claimed: Contribution[] = [
  { phase: 1, name: 'alice', hash: h('a') },
  { phase: 1, name: 'Final beacon phase 1', hash: h('b') },
  { phase: 2, name: 'alice', hash: h('c') },
  { phase: 2, name: 'Final beacon phase 2', hash: h('d') },
]
const manifest = (contributions: Contribution[], externalPtau = false) =>
  ({ ceremony: { power: 8, externalPtau, beacon: { hash: '00', iterationsExp: 10 }, contributions } }) as SetupManifest

describe('compareContributions', () => {
  test('passes both phases when the transcript records exactly the manifest’s contributions', () => {
    expect(compareContributions(manifest(claimed), claimed).map((c) => c.ok)).toEqual([true, true])
  })

  test('fails the phase whose hash differs, and names both lists', () => {
    const recorded = claimed.map((c, i) => (i === 2 ? { ...c, hash: h('e') } : c))
    const [phase1, phase2] = compareContributions(manifest(claimed), recorded)
    expect(phase1!.ok).toBe(true)
    expect(phase2!.ok).toBe(false)
    expect(phase2!.detail).toContain(h('e'))
  })

  test('fails on a contribution missing from, added to or reordered in the transcript', () => {
    expect(compareContributions(manifest(claimed), claimed.slice(1))[0]!.ok).toBe(false)
    expect(compareContributions(manifest(claimed), [...claimed, { phase: 2, name: 'mallory', hash: h('f') }])[1]!.ok).toBe(false)
    expect(compareContributions(manifest(claimed), [claimed[1]!, claimed[0]!, ...claimed.slice(2)])[0]!.ok).toBe(false)
  })

  test('fails when the transcript yields no contribution at all (an unverifiable file)', () => {
    expect(compareContributions(manifest(claimed), []).map((c) => c.ok)).toEqual([false, false])
  })

  test('with an external ptau only phase 2 is compared', () => {
    const phase2 = claimed.filter((c) => c.phase === 2)
    const checks = compareContributions(manifest(phase2, true), [{ phase: 1, name: 'someone else', hash: h('9') }, ...phase2])
    expect(checks).toHaveLength(1)
    expect(checks[0]!.ok).toBe(true)
  })
})
