import { ZkeyFormatError } from '../errors/engine.js'
import { BN254_Q, BN254_R } from './bn254.js'
import { readSections } from './read-sections.js'

/** The parts of a Groth16 BN254 zkey the prover needs; point and scalar sections are views of the file's bytes. */
export type Zkey = {
  nVars: number
  nPublic: number
  domainSize: number
  /** log2(domainSize). */
  power: number
  /** Affine points in the zkey's form: little-endian Montgomery coordinates (G1 64 bytes, G2 128 bytes). */
  alpha1: Uint8Array
  beta1: Uint8Array
  beta2: Uint8Array
  delta1: Uint8Array
  delta2: Uint8Array
  /** nCoefs entries of 44 bytes: matrix u32 (0 = A, 1 = B), constraint u32, signal u32, value (32 bytes). */
  coefs: Uint8Array
  nCoefs: number
  /** nVars G1 points. */
  pointsA: Uint8Array
  pointsB1: Uint8Array
  /** nVars G2 points. */
  pointsB2: Uint8Array
  /** nVars - nPublic - 1 G1 points (the private signals'). */
  pointsC: Uint8Array
  /** domainSize G1 points. */
  pointsH: Uint8Array
}

const G1 = 64
const G2 = 128
const COEF = 44

/**
 * Reads circom/snarkjs's binary zkey (magic "zkey", sections 1 header, 2 Groth16 header, 3 IC,
 * 4 coefficients, 5 A, 6 B1, 7 B2, 8 C, 9 H) and checks every size against the header, so the
 * engine never reads past a section. Throws ZkeyFormatError naming what is wrong.
 */
export function readZkey(bytes: Uint8Array): Zkey {
  const fail = (field: string, rule: string): never => {
    throw new ZkeyFormatError({ field, rule })
  }
  if (bytes.length < 12) fail('file', `is ${bytes.length} bytes, too short for a zkey header`)
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'zkey') fail('magic', 'must be "zkey"')
  const sections = readSections(bytes, fail)
  const section = (type: number, name: string) => sections.get(type) ?? fail(`section ${type} (${name})`, 'is missing')

  const header = section(1, 'header')
  if (header.length < 4 || new DataView(header.buffer, header.byteOffset).getUint32(0, true) !== 1) fail('protocol', 'must be Groth16 (1)')

  const g = section(2, 'Groth16 header')
  const gv = new DataView(g.buffer, g.byteOffset, g.byteLength)
  if (g.length < 84 + 3 * G1 + 3 * G2) fail('section 2 (Groth16 header)', `is ${g.length} bytes, too short`)
  const n8q = gv.getUint32(0, true)
  if (n8q !== 32 || readLe(g.subarray(4, 36)) !== BN254_Q) fail('base field', 'must be BN254 (bn128) with 32-byte elements')
  const n8r = gv.getUint32(36, true)
  if (n8r !== 32 || readLe(g.subarray(40, 72)) !== BN254_R) fail('scalar field', 'must be BN254 (bn128) with 32-byte elements')
  const nVars = gv.getUint32(72, true)
  const nPublic = gv.getUint32(76, true)
  const domainSize = gv.getUint32(80, true)
  const power = Math.log2(domainSize)
  if (!Number.isInteger(power) || power < 1 || power > 28) fail('domainSize', `must be a power of two between 2 and 2^28, got ${domainSize}`)
  if (nPublic + 1 > nVars) fail('nPublic', `(${nPublic}) must be below nVars (${nVars})`)
  let p = 84
  const take = (size: number) => {
    p += size
    return g.subarray(p - size, p)
  }
  const alpha1 = take(G1),
    beta1 = take(G1),
    beta2 = take(G2)
  take(G2) // gamma2: only the verifier needs it
  const delta1 = take(G1),
    delta2 = take(G2)

  const coefSection = section(4, 'coefficients')
  if (coefSection.length < 4) fail('section 4 (coefficients)', 'is empty')
  const nCoefs = new DataView(coefSection.buffer, coefSection.byteOffset).getUint32(0, true)
  const coefs = coefSection.subarray(4)
  if (coefs.length !== nCoefs * COEF) fail('section 4 (coefficients)', `holds ${coefs.length} bytes, ${nCoefs} coefficients need ${nCoefs * COEF}`)
  const cv = new DataView(coefs.buffer, coefs.byteOffset, coefs.byteLength)
  for (let k = 0; k < nCoefs; k++) {
    const m = cv.getUint32(k * COEF, true),
      c = cv.getUint32(k * COEF + 4, true),
      s = cv.getUint32(k * COEF + 8, true)
    if (m > 1 || c >= domainSize || s >= nVars) fail(`coefficient ${k}`, `(matrix ${m}, constraint ${c}, signal ${s}) is out of range`)
  }

  const sized = (type: number, name: string, count: number, size: number) => {
    const s = section(type, name)
    if (s.length !== count * size) fail(`section ${type} (${name})`, `holds ${s.length} bytes, expected ${count} points of ${size} bytes`)
    return s
  }
  return {
    nVars,
    nPublic,
    domainSize,
    power,
    alpha1,
    beta1,
    beta2,
    delta1,
    delta2,
    coefs,
    nCoefs,
    pointsA: sized(5, 'A points', nVars, G1),
    pointsB1: sized(6, 'B1 points', nVars, G1),
    pointsB2: sized(7, 'B2 points', nVars, G2),
    pointsC: sized(8, 'C points', nVars - nPublic - 1, G1),
    pointsH: sized(9, 'H points', domainSize, G1),
  }
}

/** Little-endian bytes to a bigint. */
export function readLe(bytes: Uint8Array): bigint {
  let x = 0n
  for (let i = bytes.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i]!)
  return x
}
