import * as snarkjs from 'snarkjs'

/** A contribution as recorded in a .ptau or .zkey file, and whether that file's transcript verified. */
export type TranscriptContribution = { name: string; hash: string }
export type TranscriptVerification = { valid: boolean; contributions: TranscriptContribution[] }

/**
 * snarkjs only reports the contributions it checks through its logger: collect those lines while it verifies.
 * (Pinned to snarkjs 0.7.6's log format; a change makes the parse return nothing and the caller's comparison fail.)
 */
function collectingLogger(): { logger: snarkjs.Logger; lines: string[] } {
  const lines: string[] = []
  const push = (...a: unknown[]) => {
    lines.push(a.map(String).join(' '))
  }
  return { logger: { info: push, debug: () => {}, warn: push, error: push }, lines }
}

// misc.formatHash: a title line, then 4 lines of 4 space-separated 8-digit hex words.
const HASH_BLOCK = /^((?:\s*[0-9a-f]{8}(?: [0-9a-f]{8}){3}\s*){4})/
const blockHex = (block: string) => block.replace(/\s+/g, '')

/** `powersoftau verify`: checks every phase-1 contribution and beacon; returns each response hash by name. */
export async function verifyPtauTranscript(ptau: string): Promise<TranscriptVerification & { log: string[] }> {
  const { logger, lines } = collectingLogger()
  const valid = await snarkjs.powersOfTau.verify(ptau, logger)
  const contributions: TranscriptContribution[] = []
  for (let i = 0; i < lines.length; i++) {
    const header = /^Contribution #(\d+): (.*)$/.exec(lines[i]!)
    if (!header) continue
    // The first "Response Hash:" block after the header is this contribution's own response hash.
    const block = lines.slice(i + 1).find((l) => l.startsWith('Response Hash:'))
    const hex = block && HASH_BLOCK.exec(block.slice('Response Hash:'.length).replace(/^\n/, ''))
    // snarkjs walks the contributions from the last one back: place each by its id.
    if (hex) contributions[Number(header[1]) - 1] = { name: header[2]!.trim(), hash: blockHex(hex[1]!) }
  }
  return { valid, contributions: contributions.filter(Boolean), log: lines }
}

/** `zkey verify` from the r1cs and the ptau: checks every phase-2 contribution; returns their hashes in order. */
export async function verifyZkeyTranscript(r1cs: string, ptau: string, zkey: string): Promise<TranscriptVerification & { log: string[] }> {
  const { logger, lines } = collectingLogger()
  const valid = await snarkjs.zKey.verifyFromR1cs(r1cs, ptau, zkey, logger)
  const contributions: TranscriptContribution[] = []
  for (const line of lines) {
    const m = /^contribution #(\d+) (.*):\n([\s\S]*)$/.exec(line)
    const hex = m && HASH_BLOCK.exec(m[3]!)
    if (m && hex) contributions[Number(m[1]) - 1] = { name: m[2]!.trim(), hash: blockHex(hex[1]!) }
  }
  return { valid, contributions: contributions.filter(Boolean), log: lines }
}
