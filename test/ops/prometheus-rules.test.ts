import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { requireTool } from '../../scripts/provision/find-tools.mjs'

const dir = fileURLToPath(new URL('../../ops/prometheus/', import.meta.url))
const promtool = (...args: string[]) => execFileSync(requireTool('promtool'), args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

// promtool comes from Debian's prometheus package (`npm install` provisions it); missing, the test fails saying how to install it.
describe('Prometheus alert rules (ops/prometheus)', () => {
  test('promtool check rules accepts alerts.yml with the three playbook alerts', () => {
    expect(promtool('check', 'rules', 'alerts.yml')).toMatch(/SUCCESS: 3 rules found/)
  })

  test('promtool test rules: each alert fires above its threshold and stays quiet below', () => {
    expect(promtool('test', 'rules', 'alerts.test.yml')).toMatch(/SUCCESS/)
  })
})
