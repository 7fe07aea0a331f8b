// A witness file of the circuit's size filled with random field elements, for warm-up proofs only. snarkjs's
// groth16.prove does not check that a witness satisfies the constraints, so proving it runs exactly the work of a
// real proof (same sizes, random scalars like real ones) and its result means nothing: it is thrown away.

type WitnessShape = { witnessSize: number; n32: number; prime: bigint }

/** The .wtns layout circom_runtime's calculateWTNSBin writes: header, section 1 (n8, prime, size), section 2 (values). */
export function syntheticWitness({ witnessSize, n32, prime }: WitnessShape): Uint8Array {
  const n8 = n32 * 4
  const words = new Uint32Array(11 + n32 + witnessSize * n32)
  const bytes = new Uint8Array(words.buffer)
  bytes.set([...'wtns'].map((c) => c.charCodeAt(0)))
  words[1] = 2 // version
  words[2] = 2 // sections
  words[3] = 1 // section 1: header
  words[4] = 8 + n8 // its length (u64, low word)
  words[6] = n8
  for (let j = 0, p = prime; j < n32; j++, p >>= 32n) words[7 + j] = Number(p & 0xffffffffn)
  words[7 + n32] = witnessSize
  words[8 + n32] = 2 // section 2: values
  const valuesLength = witnessSize * n8
  words[9 + n32] = valuesLength % 2 ** 32
  words[10 + n32] = Math.floor(valuesLength / 2 ** 32)
  const values = bytes.subarray((11 + n32) * 4)
  for (let offset = 0; offset < values.length; offset += 65536) crypto.getRandomValues(values.subarray(offset, offset + 65536))
  // Keep every element below 2^248 < prime.
  for (let i = n8 - 1; i < values.length; i += n8) values[i] = 0
  for (let i = n8 - 2; i < values.length; i += n8) values[i] = 0
  return bytes
}
