import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** One `circom --inspect` warning: its code (e.g. CA02), the template it is in (without parameters) and the text. */
export type InspectWarning = { code: string; template: string; text: string }

// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the ESC of ANSI colour codes on purpose
const ANSI = /\x1b\[[0-9;]*m/g

/** Parses the warnings of a circom --inspect log. Throws on a warning it cannot attribute to a template. */
export function parseInspectWarnings(log: string): InspectWarning[] {
  return log
    .replace(ANSI, '')
    .split('\n')
    .filter((line) => /^warning\[/.test(line))
    .map((line) => {
      const match = /^warning\[(\w+)\]: In template "(\w+)[^"]*": (.*)$/.exec(line)
      if (!match) throw new Error(`cannot attribute this circom warning to a template: ${line}`)
      return { code: match[1]!, template: match[2]!, text: match[3]! }
    })
}

/** Names of the templates defined in the .circom files under `dir` (recursively). */
export async function templatesDefinedIn(dir: string): Promise<Set<string>> {
  const names = new Set<string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.circom')) continue
    const source = await readFile(join(entry.parentPath, entry.name), 'utf8')
    for (const m of source.matchAll(/^\s*template\s+(\w+)\s*\(/gm)) names.add(m[1]!)
  }
  return names
}
