import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { ADMIN_OPERATIONS } from '../admin/admin-operations.js'
import { issuerOptions } from './issuer-command.js'
import { policyOptions } from './policy-command.js'

// docs/issuer.md promises "documented commands only": every `proofx issuer|policy|admin` line in it names a
// sub-command that exists and only options the command parses (issuer-command.test.ts runs the journey itself).
const doc = readFileSync(new URL('../../../docs/issuer.md', import.meta.url), 'utf8')
const commands = [...doc.replace(/\\\n\s*/g, ' ').matchAll(/npm run proofx -- (issuer|policy|admin) ([^\n#`]*)/g)].map(([, command, rest]) => ({
  command: command!,
  words: rest!.trim().split(/\s+/),
}))
const subcommands: Record<string, string[]> = {
  issuer: ['key create', 'key hash', 'api-key create', 'api-key list', 'api-key revoke', 'issue', 'list', 'show', 'revoke', 'serve'],
  policy: ['validate', 'hash', 'set'],
  admin: Object.keys(ADMIN_OPERATIONS),
}
const optionsOf: Record<string, readonly string[]> = {
  issuer: Object.keys(issuerOptions),
  policy: Object.keys(policyOptions),
  admin: ['deployment', 'rpc', 'keystore', 'issuer-key-hash', 'revoker', 'dry-run'],
}

/** `key create`, `api-key revoke`: two words; the rest one. */
const subcommandOf = (words: string[]) => (words[0] === 'key' || words[0] === 'api-key' ? `${words[0]} ${words[1]}` : words[0]!)

test('docs/issuer.md shows every issuer and policy sub-command', () => {
  const shown = new Set(commands.map(({ command, words }) => `${command} ${subcommandOf(words)}`))
  for (const [command, subs] of Object.entries(subcommands))
    if (command !== 'admin') for (const sub of subs) expect(shown, `${command} ${sub}`).toContain(`${command} ${sub}`)
})

test.each(commands.map((c) => [`${c.command} ${c.words.join(' ')}`, c] as const))('%s: a real sub-command with real options', (_line, { command, words }) => {
  const sub = subcommandOf(words)
  expect(subcommands[command]).toContain(sub)
  for (const word of words.map((w) => w.replace(/^\[/, '')).filter((w) => w.startsWith('--')))
    expect(optionsOf[command], word).toContain(word.replace(/^--/, '').replace(/[=\]].*$/, ''))
})
