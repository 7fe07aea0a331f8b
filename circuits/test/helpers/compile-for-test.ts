import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { compileCircuit, type CompileCircuitReturnType } from '@proofx/cli'

/** The repository root: circom2 (WebAssembly) only sees files under its working directory. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..')

/** Scratch space for test builds, inside the repo so circom2 can write there; it ignores itself in git. */
export const TEST_BUILD_DIR = join(REPO_ROOT, 'circuits/.test-build')

export type TestBuild = CompileCircuitReturnType & { dir: string; remove: () => Promise<void> }

/**
 * Compiles a circuit exactly as the setup pipeline does (circom2 --O2, same include paths) into a fresh
 * folder under circuits/.test-build, so tests run against the current source, never a stale build.
 */
export async function compileForTest(circuit: string, options: { inspect?: boolean } = {}): Promise<TestBuild> {
  await mkdir(TEST_BUILD_DIR, { recursive: true })
  await writeFile(join(TEST_BUILD_DIR, '.gitignore'), '*\n')
  const dir = join(TEST_BUILD_DIR, `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`)
  const compiled = await compileCircuit({ root: REPO_ROOT, circuit, outDir: dir, inspect: options.inspect })
  return { ...compiled, dir, remove: () => rm(dir, { recursive: true, force: true }) }
}
