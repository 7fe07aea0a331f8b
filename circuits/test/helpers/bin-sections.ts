/**
 * Where each section of an iden3 binary file (.zkey, .ptau, .r1cs, .wtns) starts: 4-byte magic, uint32 version,
 * uint32 section count, then per section a uint32 type, a uint64 size and the data.
 */
export function binSections(file: Uint8Array): Map<number, { offset: number; size: number }> {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  const sections = new Map<number, { offset: number; size: number }>()
  let pos = 12
  for (let i = 0; i < view.getUint32(8, true); i++) {
    const type = view.getUint32(pos, true)
    const size = Number(view.getBigUint64(pos + 4, true))
    sections.set(type, { offset: pos + 12, size })
    pos += 12 + size
  }
  return sections
}
