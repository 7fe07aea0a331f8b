import { readFile } from 'node:fs/promises'
import { parse as parseCsv } from 'csv-parse/sync'
import { InvalidInputError } from '@proofx/sdk'

/** Issuance inputs read from a file, with how errors should name each one's fields. */
export type IssuanceInputs = { inputs: unknown[]; fieldRoot: (index: number) => string }

/**
 * Reads issuance inputs: a `.csv` file (a header row naming the attributes, one credential a line), or JSON (one
 * object, or an array of them). Values stay as text: the prover's schemas parse them (decimal strings are accepted).
 */
export async function readIssuanceInputs(path: string): Promise<IssuanceInputs> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new InvalidInputError({ field: 'input', rule: `cannot be read (${(cause as Error).message})`, cause })
  }
  return path.toLowerCase().endsWith('.csv') ? parseIssuanceCsv(text) : parseIssuanceJson(text)
}

export function parseIssuanceJson(text: string): IssuanceInputs {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw new InvalidInputError({ field: 'attributes', rule: `must be JSON text (${(cause as Error).message})`, cause })
  }
  const inputs = Array.isArray(json) ? json : [json]
  if (inputs.length === 0) throw new InvalidInputError({ field: 'attributes', rule: 'must hold at least one credential' })
  return { inputs, fieldRoot: (i) => (Array.isArray(json) ? `attributes.${i}` : 'attributes') }
}

/** CSV: errors name the file's line, e.g. "line 3.kycLevel". Empty cells count as absent (so defaults apply). */
export function parseIssuanceCsv(text: string): IssuanceInputs {
  let rows: { record: Record<string, string>; info: { lines: number } }[]
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true })
  } catch (cause) {
    throw new InvalidInputError({ field: 'csv', rule: `is not valid CSV (${(cause as Error).message})`, cause })
  }
  if (rows.length === 0) throw new InvalidInputError({ field: 'csv', rule: 'must have a header row and at least one credential row' })
  const inputs = rows.map(({ record }) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')))
  return { inputs, fieldRoot: (i) => `line ${rows[i]!.info.lines}` }
}
