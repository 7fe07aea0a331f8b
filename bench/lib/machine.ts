import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem, availableParallelism } from 'node:os'
import { createRequire } from 'node:module'

export type MachineInfo = { cpuModel: string; nproc: number; memoryGiB: number; os: string; node: string; loadAverage: [number, number, number] }

export function machineInfo(): MachineInfo {
  const [one, five, fifteen] = loadavg()
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    nproc: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osRelease(),
    node: process.version,
    loadAverage: [one!, five!, fifteen!],
  }
}

function osRelease(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8')
    return text.match(/^PRETTY_NAME="?([^"\n]+)"?/m)?.[1] ?? 'linux'
  } catch {
    return process.platform
  }
}

const require = createRequire(import.meta.url)
const root = new URL('../../', import.meta.url)

/** Version of an installed package, read from its package.json on disk (some packages do not export it). */
export function packageVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), 'utf8')).version
  } catch {
    try {
      return require(`${name}/package.json`).version
    } catch {
      return 'not installed'
    }
  }
}

export function forgeVersion(): string {
  try {
    return execFileSync('npx', ['forge', '--version'], { encoding: 'utf8', timeout: 60_000 })
      .split('\n')[0]!
      .replace(/^forge Version:\s*/i, '')
      .trim()
  } catch {
    return 'unknown'
  }
}
