// Where a system tool is, looked up on PATH the way a shell would (no `which` binary needed).
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { systemTools } from './system-tools.mjs'

/** Absolute path of `command` on `env.PATH`, or undefined. */
export function findExecutable(command, env = process.env) {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command)
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

/** The entries of systemTools whose command is not on PATH. */
export function findMissingTools(env = process.env, tools = systemTools) {
  return tools.filter((tool) => !findExecutable(tool.command, env))
}

/** The one command that installs `tools` (sudo unless already root). */
export function installCommand(tools, { root = isRoot() } = {}) {
  const packages = [...new Set(tools.map((tool) => tool.debianPackage))].join(' ')
  return `${root ? '' : 'sudo '}apt-get update && ${root ? '' : 'sudo '}apt-get install -y --no-install-recommends ${packages}`
}

/** What to tell a person about missing tools: which, why, and the command to run. */
export function describeMissing(tools, options) {
  const lines = tools.map((tool) => `  ${tool.command} (Debian package ${tool.debianPackage}) for ${tool.neededBy}`)
  return [
    `ProofX needs programs npm cannot install:`,
    ...lines,
    `Install them with:`,
    `  ${installCommand(tools, options)}`,
    '(`npm install` run as root on Debian installs them itself.)',
  ].join('\n')
}

/**
 * For tests and scripts: the path of `command`, or an Error saying how to install it — the same message
 * postinstall prints — instead of playwright's "executable doesn't exist" or ENOENT.
 */
export function requireTool(command, env = process.env) {
  const path = findExecutable(command, env)
  if (path) return path
  const tool = systemTools.find((t) => t.command === command)
  if (!tool) throw new Error(`${command} is not in scripts/provision/system-tools.mjs`)
  throw new Error(describeMissing([tool]))
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0
