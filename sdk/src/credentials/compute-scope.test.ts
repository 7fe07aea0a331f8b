import { readFileSync } from 'node:fs'
import { encodeAbiParameters, hexToBigInt, keccak256, type Address } from 'viem'
import { describe, expect, test } from 'vitest'
import { computeScope } from './compute-scope.js'

// Written by contracts/script/make-fixtures.ts with computeScope; contracts/test/Groth16Verifier.t.sol checks that
// ProofXVerifier.scope() (Solidity: keccak256(abi.encode(block.chainid, address(this))) & (2^53 - 1)) equals it.
const fixtures = JSON.parse(readFileSync(new URL('../../../contracts/test/fixtures/proofs.json', import.meta.url), 'utf8')) as {
  chainId: number
  verifier: Address
  scope: string
}

describe('computeScope', () => {
  test('equals the scope tag the contract computes for the fixtures (chain 31337, fixture proxy)', () => {
    expect(computeScope(fixtures.chainId, fixtures.verifier)).toBe(BigInt(fixtures.scope))
  })

  test('is keccak256(abi.encode(uint256 chainId, address verifier)) mod 2^53', () => {
    const verifier: Address = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0'
    const digest = keccak256(encodeAbiParameters([{ type: 'uint256' }, { type: 'address' }], [80002n, verifier]))
    expect(computeScope(80002, verifier)).toBe(hexToBigInt(digest) % 2n ** 53n)
    expect(computeScope(80002n, verifier.toLowerCase() as Address)).toBe(computeScope(80002, verifier))
  })

  test('differs across chains and verifiers, and stays below 2^53', () => {
    const a = computeScope(31337, fixtures.verifier)
    const b = computeScope(1, fixtures.verifier)
    const c = computeScope(31337, '0x000000000000000000000000000000000000dEaD')
    expect(new Set([a, b, c]).size).toBe(3)
    for (const tag of [a, b, c]) expect(tag < 2n ** 53n && tag >= 0n).toBe(true)
  })

  test('refuses a chain id that is not a uint256 (block.chainid); any uint256 is fine', () => {
    expect(computeScope(2n ** 64n, fixtures.verifier)).toBeLessThan(2n ** 53n)
    expect(() => computeScope(2n ** 256n, fixtures.verifier)).toThrow(RangeError)
    expect(() => computeScope(-1, fixtures.verifier)).toThrow(RangeError)
  })
})
