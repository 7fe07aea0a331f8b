import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../../', import.meta.url))
/** The CLI entry, as `npm run proofx` runs it. */
export const PROOFX_CLI = 'cli/src/cli/proofx.ts'

/** Runs `proofx <args>` as an operator would (a child process), with `env` added; never throws. */
export async function runProofx(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string; json: any }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  // Each run names its own key: none leaks in from the test's environment.
  if (!('PROOFX_ADMIN_KEY' in env)) delete childEnv.PROOFX_ADMIN_KEY
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['--conditions=@proofx/source', '--import', 'tsx', PROOFX_CLI, ...args], {
      cwd: root,
      env: childEnv,
      maxBuffer: 16 * 1024 * 1024,
    })
    return { code: 0, stdout, stderr, json: parse(stdout) }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, json: parse(e.stdout) }
  }
}

function parse(stdout: string): unknown {
  try {
    return JSON.parse(stdout)
  } catch {
    return undefined
  }
}
