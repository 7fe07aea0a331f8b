import { WitnessFormatError } from '../errors/engine.js'
import { BN254_R } from './bn254.js'
import { readSections } from './read-sections.js'
import { readLe } from './read-zkey.js'

/**
 * Reads circom's binary witness (.wtns: magic "wtns", section 1 header with field size, prime and
 * count; section 2 the values, 32 bytes little-endian each) and returns the values section, checked
 * against the zkey's signal count and field. Throws WitnessFormatError naming what is wrong.
 */
export function readWitness(bytes: Uint8Array, nVars: number): Uint8Array {
  const fail = (field: string, rule: string): never => {
    throw new WitnessFormatError({ field, rule })
  }
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'wtns') fail('magic', 'must be "wtns"')
  const sections = readSections(bytes, fail)
  const header = sections.get(1) ?? fail('section 1 (header)', 'is missing')
  const values = sections.get(2) ?? fail('section 2 (values)', 'is missing')
  if (header.length < 40) fail('section 1 (header)', 'is too short')
  const hv = new DataView(header.buffer, header.byteOffset, header.byteLength)
  if (hv.getUint32(0, true) !== 32 || readLe(header.subarray(4, 36)) !== BN254_R) fail('field', 'must be BN254 (bn128) with 32-byte elements')
  const count = hv.getUint32(36, true)
  if (count !== nVars) fail('signal count', `is ${count}, the zkey has ${nVars} signals`)
  if (values.length !== count * 32) fail('section 2 (values)', `holds ${values.length} bytes, ${count} values need ${count * 32}`)
  const i = firstNotBelowR(values)
  if (i >= 0) fail(`value ${i}`, 'is not below the field prime')
  return values
}

const R_WORDS = Array.from({ length: 8 }, (_, i) => Number((BN254_R >> BigInt(32 * i)) & 0xffffffffn))

/** Index of the first 32-byte little-endian value >= r, or -1 (word compare: no bigint per value). */
function firstNotBelowR(values: Uint8Array): number {
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength)
  for (let i = 0; i < values.length / 32; i++) {
    for (let w = 7; w >= 0; w--) {
      const x = view.getUint32(i * 32 + w * 4, true)
      if (x < R_WORDS[w]!) break
      if (x > R_WORDS[w]! || w === 0) return i
    }
  }
  return -1
}
