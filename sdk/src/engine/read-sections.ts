/**
 * Splits a circom/snarkjs binary file (.zkey, .wtns: 4-byte magic, u32 version, u32 section count, then per section
 * a u32 type, a u64 size and the bytes) into its sections, as views of `bytes`. The caller checks the magic first;
 * every size is checked against the file so no section reaches past its end. A repeated type keeps its first section.
 * `fail(field, rule)` throws the caller's typed error.
 */
export function readSections(bytes: Uint8Array, fail: (field: string, rule: string) => never): Map<number, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const nSections = view.getUint32(8, true)
  const sections = new Map<number, Uint8Array>()
  let offset = 12
  for (let i = 0; i < nSections; i++) {
    if (offset + 12 > bytes.length) fail(`section ${i + 1} of ${nSections}`, 'is cut off (file truncated)')
    const type = view.getUint32(offset, true)
    const size = Number(view.getBigUint64(offset + 4, true))
    offset += 12
    if (offset + size > bytes.length) fail(`section ${type}`, `claims ${size} bytes but only ${bytes.length - offset} remain (file truncated)`)
    if (!sections.has(type)) sections.set(type, bytes.subarray(offset, offset + size))
    offset += size
  }
  return sections
}
