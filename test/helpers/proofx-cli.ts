import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repo = fileURLToPath(new URL('../../', import.meta.url))
// tsx by path and the CLI from its sources: the working directory may be a temporary one, outside the repository.
const nodeArgs = [
  '--conditions=@proofx/source',
  '--import',
  pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href,
  join(repo, 'cli/src/cli/proofx.ts'),
]
/** A clean environment: PATH and HOME only, plus what the caller passes. */
const cleanEnv = (cwd: string, env: Record<string, string>) => ({ PATH: process.env.PATH!, HOME: process.env.HOME ?? cwd, ...env })

export type ProofxRun = { code: number; stdout: string; stderr: string }

/** Runs `proofx <args>` to completion (2 minutes at most). */
export function runProofx(args: string[], { cwd, env = {} }: { cwd: string; env?: Record<string, string> }): Promise<ProofxRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, ...args], { cwd, env: cleanEnv(cwd, env), timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })
}

export type ProofxProcess = {
  child: ChildProcess
  /** Every line written so far, stdout and stderr. */
  output(): string
  /** Resolves with the first JSON log line whose msg is `msg`; rejects on timeout or if the process exits first. */
  waitForLog(msg: string, timeoutMs: number): Promise<Record<string, unknown>>
  /** SIGTERM, then the exit code (rejects if it does not exit within timeoutMs). */
  stop(timeoutMs?: number): Promise<number | null>
}

/** Starts a long-running `proofx <args>` (e.g. `issuer serve`). */
export function spawnProofx(args: string[], { cwd, env = {} }: { cwd: string; env?: Record<string, string> }): ProofxProcess {
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd, env: cleanEnv(cwd, env), stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const listeners = new Set<() => void>()
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
      for (const listener of listeners) listener()
    })
  const findLog = (msg: string) => {
    for (const line of text.split('\n')) {
      if (!line.startsWith('{')) continue
      try {
        const entry = JSON.parse(line) as Record<string, unknown>
        if (entry.msg === msg) return entry
      } catch {
        // a partial line: the next chunk completes it
      }
    }
    return undefined
  }
  return {
    child,
    output: () => text,
    waitForLog: (msg, timeoutMs) =>
      new Promise((resolve, reject) => {
        const done = (error?: Error, entry?: Record<string, unknown>) => {
          clearTimeout(timer)
          listeners.delete(check)
          error ? reject(error) : resolve(entry!)
        }
        const check = () => {
          const entry = findLog(msg)
          if (entry) done(undefined, entry)
        }
        const timer = setTimeout(() => done(new Error(`no "${msg}" log line within ${timeoutMs} ms; output:\n${text}`)), timeoutMs)
        listeners.add(check)
        exited.then((code) => done(new Error(`proofx exited (${code}) before logging "${msg}"; output:\n${text}`)))
        check()
      }),
    stop: async (timeoutMs = 15_000) => {
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGTERM')
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL')
          reject(new Error(`proofx did not exit within ${timeoutMs} ms of SIGTERM`))
        }, timeoutMs)
      })
      try {
        return await Promise.race([exited, timeout])
      } finally {
        clearTimeout(timer)
      }
    },
  }
}
