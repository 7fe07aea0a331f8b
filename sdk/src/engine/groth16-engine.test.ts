import { readFileSync } from 'node:fs'
import * as snarkjs from 'snarkjs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { artifactPath } from '@proofx/test-helpers/committed-artifacts'
import { sampleWitness } from '@proofx/test-helpers/sample-witness'
import { validAttributes } from '@proofx/test-helpers/sample-credential'
import { expectError } from '@proofx/test-helpers/expect-error'
import { randomSalt } from '../credentials/random-salt.js'
import { WitnessFormatError, ZkeyFormatError } from '../errors/engine.js'
import { terminateCurve } from '../prover/verify-proof.js'
import { createGroth16Engine, type Groth16Engine } from './groth16-engine.js'

// Every engine proof must verify with snarkjs (the reference) and carry the witness's public signals.
const zkeyBytes = new Uint8Array(readFileSync(artifactPath('compliance.zkey')))
const vkey = JSON.parse(readFileSync(artifactPath('verification_key.json'), 'utf8'))
let engine: Groth16Engine
beforeAll(async () => {
  engine = await createGroth16Engine(zkeyBytes)
})
afterAll(async () => {
  await engine?.terminate()
  await terminateCurve()
})

describe('createGroth16Engine', () => {
  test('proves the sample credential; snarkjs verifies; public signals equal snarkjs.groth16.prove', async () => {
    const wtns = await sampleWitness()
    const proof = await engine.prove(wtns)
    const reference = await snarkjs.groth16.prove(zkeyBytes, wtns)
    expect(proof.publicSignals).toEqual(reference.publicSignals)
    expect(await snarkjs.groth16.verify(vkey, proof.publicSignals, proof.proof)).toBe(true)
    expect(proof.proof.protocol).toBe('groth16')
    expect(proof.proof.curve).toBe('bn128')
    expect(Object.keys(proof.timings)).toEqual(['abc', 'fft', 'msmA', 'msmB1', 'msmB2', 'msmC', 'msmH', 'helper', 'total'])
  })

  test('proofs of random valid credentials verify, and each proof is fresh (random r, s)', async () => {
    const seen = new Set<string>()
    for (let i = 0; i < 3; i++) {
      const wtns = await sampleWitness({ salt: randomSalt(), assets: validAttributes.assets + BigInt(i) * 1_000_003n, riskScore: 10 + i })
      const proof = await engine.prove(wtns)
      expect(await snarkjs.groth16.verify(vkey, proof.publicSignals, proof.proof)).toBe(true)
      seen.add(proof.proof.pi_a[0]!)
    }
    expect(seen.size).toBe(3)
  })

  test.each([
    { threads: 1, shared: false },
    { threads: 2, shared: true },
    { threads: 2, shared: false },
  ] as const)('threads $threads, shared memory $shared: the same statement, a verifying proof', async (options) => {
    const other = await createGroth16Engine(zkeyBytes, options)
    try {
      expect({ threads: other.threads, shared: other.shared }).toEqual(options)
      const wtns = await sampleWitness()
      for (let i = 0; i < 2; i++) {
        const proof = await other.prove(wtns)
        expect(await snarkjs.groth16.verify(vkey, proof.publicSignals, proof.proof)).toBe(true)
      }
    } finally {
      await other.terminate()
    }
  })

  test('a proof with a tampered public signal or point does not verify', async () => {
    const proof = await engine.prove(await sampleWitness())
    const signals = [...proof.publicSignals]
    signals[1] = (BigInt(signals[1]!) + 1n).toString()
    expect(await snarkjs.groth16.verify(vkey, signals, proof.proof)).toBe(false)
    const other = await engine.prove(await sampleWitness({ salt: randomSalt() }))
    expect(await snarkjs.groth16.verify(vkey, proof.publicSignals, { ...proof.proof, pi_c: other.proof.pi_c })).toBe(false)
  })
})

describe('corrupted input gives a typed error naming the field', () => {
  const patched = (bytes: Uint8Array, at: number, value: number) => {
    const copy = bytes.slice()
    new DataView(copy.buffer).setUint32(at, value, true)
    return copy
  }
  /** Byte offset of a section's payload in the committed zkey. */
  function sectionOffset(type: number): number {
    const view = new DataView(zkeyBytes.buffer, zkeyBytes.byteOffset)
    let offset = 12
    for (;;) {
      const t = view.getUint32(offset, true),
        size = Number(view.getBigUint64(offset + 4, true))
      if (t === type) return offset + 12
      offset += 12 + size
    }
  }

  test.each([
    ['a truncated zkey', () => zkeyBytes.subarray(0, zkeyBytes.length - 1000), /^section \d+$/],
    ['a zkey of 8 bytes', () => zkeyBytes.subarray(0, 8), /file/],
    ['another file type', () => new TextEncoder().encode('{"protocol":"groth16","curve":"bn128"}'), /magic/],
    ['a PLONK zkey header', () => patched(zkeyBytes, sectionOffset(1), 2), /protocol/],
    ['another curve', () => patched(zkeyBytes, sectionOffset(2) + 4, 12345), /base field/],
    ['a domain that is not a power of two', () => patched(zkeyBytes, sectionOffset(2) + 80, 8000), /domainSize/],
    ['a coefficient pointing past the domain', () => patched(zkeyBytes, sectionOffset(4) + 4 + 4, 1 << 20), /coefficient 0/],
    ['a coefficient count that does not match', () => patched(zkeyBytes, sectionOffset(4), 7), /section 4/],
  ])('%s: ZkeyFormatError', async (_, bytes, field) => {
    const error = await expectError(createGroth16Engine(bytes()), ZkeyFormatError)
    expect(error.field).toMatch(field)
  })

  test('witnesses that do not fit: WitnessFormatError', async () => {
    const wtns = await sampleWitness()
    const header = 12 + 12 // file header, section 1 header
    const prove = (bytes: Uint8Array) => expectError(engine.prove(bytes), WitnessFormatError)
    expect((await prove(wtns.subarray(0, wtns.length - 32))).field).toBe('section 2')
    const wrongCount = patched(wtns, header + 36, 100)
    expect((await prove(wrongCount)).field).toBe('signal count')
    const notReduced = wtns.slice()
    notReduced.fill(0xff, wtns.length - 32) // last value = 2^256 - 1 >= r
    expect((await prove(notReduced)).field).toMatch(/^value \d+$/)
    expect((await prove(new Uint8Array(64))).field).toBe('magic')
    // and the engine still proves afterwards (its memory mark was restored)
    const after = await engine.prove(wtns)
    expect(await snarkjs.groth16.verify(vkey, after.publicSignals, after.proof)).toBe(true)
  })
})
