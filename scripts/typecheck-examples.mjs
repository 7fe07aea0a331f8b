// `npm run typecheck`: every example under examples/ type-checked against the types @proofx/sdk publishes
// (sdk/dist, so the SDK is built first), JavaScript ones through their jsconfig.json (checkJs, strict).
// An example folder with neither a tsconfig.json nor a jsconfig.json fails the check: none goes unchecked.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status === 0

if (!run('npm', ['run', 'build', '-w', 'sdk'])) process.exit(1)
let failed = 0
for (const entry of readdirSync(join(root, 'examples'), { withFileTypes: true })) {
  if (!entry.isDirectory()) continue
  const config = ['tsconfig.json', 'jsconfig.json'].map((name) => join('examples', entry.name, name)).find((path) => existsSync(join(root, path)))
  if (!config) {
    console.error(`examples/${entry.name}: no tsconfig.json or jsconfig.json, so it is not type-checked`)
    failed++
    continue
  }
  console.log(`tsc -p ${config}`)
  if (!run(join(root, 'node_modules/.bin/tsc'), ['-p', config])) failed++
}
process.exit(failed ? 1 : 0)
