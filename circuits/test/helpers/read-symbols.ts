import { readFile } from 'node:fs/promises'

/** A signal the compiler kept (witness index >= 0) or optimised away (-1), by its full name, e.g. `main.credentialHash`. */
export type SymbolTable = ReadonlyMap<string, number>

/** Parses circom's .sym file: one `labelIndex,witnessIndex,componentIndex,name` line per signal. */
export async function readSymbols(symFile: string): Promise<SymbolTable> {
  const table = new Map<string, number>()
  for (const line of (await readFile(symFile, 'utf8')).split('\n')) {
    if (!line) continue
    const [, witnessIndex, , ...name] = line.split(',')
    table.set(name.join(','), Number(witnessIndex))
  }
  return table
}
