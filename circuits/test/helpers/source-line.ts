import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from './compile-for-test.js'

/**
 * The 1-based line of the only occurrence of `text` in a circuit file. Negative tests name the constraint
 * they expect to fail by its text, so moving code around does not break them but a wrong failure does.
 */
export function sourceLine(file: string, text: string): number {
  const lines = readFileSync(join(REPO_ROOT, file), 'utf8').split('\n')
  const hits = lines.flatMap((line, i) => (line.includes(text) ? [i + 1] : []))
  if (hits.length !== 1) throw new Error(`expected exactly one line with "${text}" in ${file}, found ${hits.length}`)
  return hits[0]!
}
