#!/usr/bin/env node
// Project-local solc for Foundry: forge cannot download compilers here (offline), so
// foundry.toml points `solc` at this wrapper around the npm `solc` (soljson) build.
// It implements the two CLI modes forge uses: `--version` and `--standard-json` on stdin.
'use strict'

const fs = require('node:fs')
const path = require('node:path')

const projectRoot = path.resolve(__dirname, '..', '..')
const solc = require(require.resolve('solc', { paths: [projectRoot] }))

/** Parses the flags forge passes; unknown flags are ignored on purpose (forge adds new ones). */
function parseArgs(argv) {
  const options = { version: false, standardJson: false, basePath: undefined, includePaths: [], allowPaths: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--version' || arg === '-v') options.version = true
    else if (arg === '--standard-json') options.standardJson = true
    else if (arg === '--base-path') options.basePath = argv[++i]
    else if (arg === '--include-path') options.includePaths.push(argv[++i])
    else if (arg === '--allow-paths') options.allowPaths.push(...argv[++i].split(','))
  }
  return options
}

/** Resolves an import the compiler could not find in the input, in solc's own search order. */
function createImportCallback(options) {
  const roots = [options.basePath, ...options.includePaths, ...options.allowPaths, path.join(projectRoot, 'node_modules'), projectRoot].filter(Boolean)
  return function findImports(importPath) {
    const candidates = path.isAbsolute(importPath) ? [importPath] : roots.map((root) => path.resolve(root, importPath))
    for (const candidate of candidates) {
      try {
        if (fs.statSync(candidate).isFile()) return { contents: fs.readFileSync(candidate, 'utf8') }
      } catch {
        // not under this root; try the next one
      }
    }
    return { error: `File not found: ${importPath} (searched ${roots.join(', ')})` }
  }
}

function main() {
  const options = parseArgs(process.argv.slice(2))
  if (options.version) {
    // forge reads the version from the last line, like the native binary's output.
    process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`)
    return
  }
  if (!options.standardJson) {
    process.stderr.write('tools/solc: only --version and --standard-json are supported\n')
    process.exit(1)
  }
  const input = fs.readFileSync(0, 'utf8')
  const output = solc.compile(input, { import: createImportCallback(options) })
  process.stdout.write(output)
}

main()
