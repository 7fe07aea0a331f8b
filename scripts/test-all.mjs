// npm test: every suite in turn (they share 2 cores, so no parallel runs), then one summary line.
import { spawnSync } from 'node:child_process'

const suites = ['lint', 'typecheck', 'build', 'test:circuits', 'test:contracts', 'test:sdk', 'test:cli', 'test:browser', 'test:e2e']
const only = process.argv.slice(2)
// CI runs the contracts under foundry.toml's [profile.ci]: fixed seed, 1,000 fuzz runs, invariants 256 x 50.
const env = process.env.CI === 'true' ? { ...process.env, FOUNDRY_PROFILE: process.env.FOUNDRY_PROFILE ?? 'ci' } : process.env
let passed = 0
let failed = 0
for (const suite of only.length ? only : suites) {
  const started = Date.now()
  console.log(`\n=== npm run ${suite}`)
  const { status } = spawnSync('npm', ['run', suite], { stdio: 'inherit', env })
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  if (status === 0) passed++
  else failed++
  console.log(`=== ${suite}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${seconds}s`)
}
console.log(`\nsuites: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
