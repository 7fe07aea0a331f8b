// `npm run typecheck`: every example under examples/ type-checked against the types @proofx/sdk publishes
// (sdk/dist, so the SDK is built first), JavaScript ones through their jsconfig.json (checkJs, strict), and each
// bundler config (vite.config.js, next.config.mjs, webpack.config.js) as the Node program it is, through the
// example's jsconfig.node.json, against the bundler's own types.
// An example folder with no tsconfig.json or jsconfig.json fails the check: none goes unchecked. The types are read
// from the root's node_modules, so every package an example pins is a root devDependency at the same version, and
// is installed: else the check would read another version's types, or none.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status === 0
const projectFile = /^(ts|js)config(\.[\w-]+)?\.json$/

/** The version of `name` installed at the root, or undefined when it is not installed. */
function rootVersion(name) {
  const manifest = join(root, 'node_modules', name, 'package.json')
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined
}

if (!run('npm', ['run', 'build', '-w', 'sdk'])) process.exit(1)
let failed = 0
for (const entry of readdirSync(join(root, 'examples'), { withFileTypes: true })) {
  if (!entry.isDirectory()) continue
  const folder = join('examples', entry.name)
  const files = readdirSync(join(root, folder))
  if (!files.includes('tsconfig.json') && !files.includes('jsconfig.json')) {
    console.error(`${folder}: no tsconfig.json or jsconfig.json, so it is not type-checked`)
    failed++
    continue
  }
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8'))
  for (const [name, pinned] of Object.entries({ ...dependencies, ...devDependencies })) {
    if (name === '@proofx/sdk') continue
    const installed = rootVersion(name)
    if (installed === pinned) continue
    console.error(
      installed === undefined
        ? `${folder}/package.json pins ${name} ${pinned}, which is not installed at the root: add it to the root devDependencies at that version, or run npm install`
        : `${folder}/package.json pins ${name} ${pinned}, the root has ${installed}: pin the same version in both`,
    )
    failed++
  }
  for (const config of files.filter((file) => projectFile.test(file)).sort()) {
    console.log(`tsc -p ${join(folder, config)}`)
    if (!run(join(root, 'node_modules/.bin/tsc'), ['-p', join(folder, config)])) failed++
  }
}
process.exit(failed ? 1 : 0)
