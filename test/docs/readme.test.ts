import { execFileSync } from 'node:child_process'
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

  // The README's "What is where" table is the map of the tree: every path it names exists, and every top-level
  // directory the repository tracks is in it, so a moved or added package cannot leave the map behind.
  test('"What is where" names only paths that exist, and every top-level directory', () => {
    const section = read('README.md').split('## What is where\n')[1]!.split('\n## ')[0]!
    const rows = section.split('\n').filter((line) => line.startsWith('| `'))
    const paths = rows.flatMap((row) => [...row.split(' | ')[0]!.matchAll(/`([^`]+)`/g)].map(([, path]) => path!))
    expect(paths.length).toBeGreaterThan(20)
    for (const path of paths) expect(existsSync(join(root, path)), `README "What is where" → ${path}`).toBe(true)
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n')
    const topLevelDirs = new Set(tracked.filter((file) => file.includes('/')).map((file) => file.split('/')[0]!))
    const named = new Set(paths.map((path) => path.split('/')[0]))
    expect([...topLevelDirs].filter((dir) => !named.has(dir))).toEqual([])
  })
})
