import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const read = (path: string) => readFileSync(join(root, path), 'utf8')

describe('docs say what the code does', () => {
  // The README shows a runnable file whole; the file is what test/e2e/examples.test.ts runs.
  test('every README code block marked `<!-- quick start: <file> -->` is that file, verbatim', () => {
    const marked = [...read('README.md').matchAll(/<!-- quick start: (\S+) -->\n```\w*\n([\s\S]*?)```/g)]
    expect(marked.map(([, file]) => file)).toEqual(['scripts/quick-start-deploy.sh', 'examples/node/prove-and-submit.mjs'])
    for (const [, file, block] of marked) expect(block, file).toBe(read(file!))
  })

  test.each(['README.md', 'web-demo/README.md', 'docs/operations.md', 'sdk/README.md', 'examples/README.md'])(
    '%s links only to files inside the repository, and they exist',
    (doc) => {
      const text = read(doc)
      expect(text).not.toMatch(/\/work\/|\/home\/|~\/shared/)
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue // http(s), mailto
        expect(existsSync(join(root, dirname(doc), target!)), `${doc} → ${target}`).toBe(true)
      }
    },
  )
})
