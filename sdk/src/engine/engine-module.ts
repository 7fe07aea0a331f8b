import { ENGINE_WASM_BASE64 } from './wasm/proofx-engine-wasm.js'

/** The engine's exports (sdk/engine-src/engine.c); pointers are byte offsets into `memory`. */
export type EngineExports = {
  memory: WebAssembly.Memory
  /** 1 when the module's compiled-in field constants match their primes. */
  init(): number
  alloc(size: number): number
  heap_mark(): number
  heap_reset(mark: number): void
  fq_mul(r: number, a: number, b: number): void
  fq_add(r: number, a: number, b: number): void
  fq_sub(r: number, a: number, b: number): void
  fq_inv(r: number, a: number): void
  fq2_mul(r: number, a: number, b: number): void
  fq2_inv(r: number, a: number): void
  /** The batch additions' lazy products with the inputs `mask` picks raised by p (into [p, 2p)), for the differential tests: a b b, a b, a a. */
  fq_mul_raised(r: number, a: number, b: number, mask: number): void
  fq2_mul_raised(r: number, a: number, b: number, mask: number): void
  fq2_sqr_raised(r: number, a: number, mask: number): void
  fr_mul(r: number, a: number, b: number): void
  fr_add(r: number, a: number, b: number): void
  fr_sub(r: number, a: number, b: number): void
  fr_inv(r: number, a: number): void
  fr_to_mont(a: number, count: number): void
  fr_from_mont(a: number, count: number): void
  fr_fft(a: number, logn: number, w: number): void
  g1_add(r: number, p: number, q: number): void
  g1_madd(r: number, p: number, a: number): void
  g1_dbl(r: number, p: number): void
  g1_to_affine(a: number, p: number): void
  g1_from_affine(p: number, a: number): void
  /** Bases in the zkey's form, converted per call. */
  g1_msm(r: number, bases: number, scalars: number, n: number): void
  /** Bases resident in the engine's form (importBases). */
  g1_msm_resident(r: number, bases: number, scalars: number, n: number): void
  /**
   * Part of a resident MSM, split by windows between two threads that both hold every base: side 0 takes
   * the first `share` thousandths of the windows, side 1 the rest; the two points add up to the MSM.
   */
  g1_msm_part(r: number, bases: number, scalars: number, n: number, share: number, side: 0 | 1): void
  g2_add(r: number, p: number, q: number): void
  g2_madd(r: number, p: number, a: number): void
  g2_dbl(r: number, p: number): void
  g2_to_affine(a: number, p: number): void
  g2_from_affine(p: number, a: number): void
  g2_msm(r: number, bases: number, scalars: number, n: number): void
  g2_msm_resident(r: number, bases: number, scalars: number, n: number): void
  g2_msm_part(r: number, bases: number, scalars: number, n: number, share: number, side: 0 | 1): void
  /** Bytes of one resident MSM base: the point and its endomorphism image, in the engine's own Fq form. */
  g1_base_bytes(): number
  g2_base_bytes(): number
  /** Converts n affine points from the zkey's form into resident MSM bases. */
  g1_import(dst: number, src: number, n: number): void
  g2_import(dst: number, src: number, n: number): void
  g16_abc(coefs: number, nCoefs: number, w: number, nw: number, a: number, b: number, c: number, n: number): void
  g16_h(a: number, b: number, c: number, logn: number, w: number, winv: number, ninv: number, shift: number): void
}

let compiled: Promise<WebAssembly.Module> | undefined

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** A fresh instance of the engine (its own memory); the module is compiled once per thread. */
export async function instantiateEngine(): Promise<EngineExports> {
  compiled ??= WebAssembly.compile(decodeBase64(ENGINE_WASM_BASE64) as Uint8Array<ArrayBuffer>)
  const instance = await WebAssembly.instantiate(await compiled, {})
  const exports = instance.exports as unknown as EngineExports
  if (exports.init() !== 1) throw new Error('the engine module is corrupt: its field constants do not match BN254')
  return exports
}

/**
 * Copies zkey points (affine, the zkey's form: G1 64 bytes, G2 128) into the engine's memory, converted
 * once to its resident MSM form for g1_msm_resident / g2_msm_resident; returns their pointer. The copy
 * in the zkey's form lives only during the call (above a mark that is reset).
 */
export function importBases(e: EngineExports, group: 1 | 2, bytes: Uint8Array): number {
  const count = bytes.length / (group === 1 ? 64 : 128)
  const ptr = e.alloc(count * (group === 1 ? e.g1_base_bytes() : e.g2_base_bytes()))
  const mark = e.heap_mark()
  const src = e.alloc(bytes.length)
  if (!ptr || !src) throw new RangeError(`the engine could not allocate ${bytes.length} bytes of bases`)
  new Uint8Array(e.memory.buffer, src, bytes.length).set(bytes)
  ;(group === 1 ? e.g1_import : e.g2_import)(ptr, src, count)
  e.heap_reset(mark)
  return ptr
}

/**
 * Runs small MSMs and an FFT on resident bases (importBases) so V8 optimises the engine's hot functions before the
 * first proof: a fresh thread otherwise spends its first long calls in baseline code.
 */
export function warmUpEngine(e: EngineExports, g1Bases: number, g1Count: number, g2Bases: number, g2Count: number): void {
  const mark = e.heap_mark()
  const count = 512
  const scalars = e.alloc(count * 32)
  const bytes = new Uint8Array(e.memory.buffer, scalars, count * 32)
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 151 + 7) & 0xff
  for (let i = 31; i < bytes.length; i += 32) bytes[i] = 0 // below r
  const out = e.alloc(192)
  for (let round = 0; round < 3; round++) {
    if (g1Count) e.g1_msm_resident(out, g1Bases, scalars, Math.min(count, g1Count))
    if (g2Count) e.g2_msm_resident(out, g2Bases, scalars, Math.min(count, g2Count))
  }
  e.heap_reset(mark)
}
