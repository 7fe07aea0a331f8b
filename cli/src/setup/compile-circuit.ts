import { execFile } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { basename, isAbsolute, join, relative } from 'node:path'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'

const run = promisify(execFile)
const require = createRequire(import.meta.url)

export type CompileCircuitParameters = {
  /** Project root: circom2 (WebAssembly) only sees files under its working directory. */
  root: string
  /** The main .circom file, absolute or relative to root. */
  circuit: string
  /** Output folder, absolute or relative to root. */
  outDir: string
  /** Extra include folders, relative to root. */
  includePaths?: string[]
  /** Also run circom's --inspect analysis; its warnings end up in `log`. */
  inspect?: boolean
}

export type CompileCircuitReturnType = { r1cs: string; wasm: string; sym: string; log: string }

/** Compiles a circuit with circom2 at full simplification (--O2) and returns where the outputs went. */
export async function compileCircuit({
  root,
  circuit,
  outDir,
  includePaths = ['node_modules', 'node_modules/circomlib/circuits'],
  inspect = false,
}: CompileCircuitParameters): Promise<CompileCircuitReturnType> {
  const relCircuit = relative(root, isAbsolute(circuit) ? circuit : join(root, circuit))
  const relOut = relative(root, isAbsolute(outDir) ? outDir : join(root, outDir))
  await mkdir(join(root, relOut), { recursive: true })
  const circom = require.resolve('circom2/cli.js')
  const args = [
    circom,
    relCircuit,
    '--r1cs',
    '--wasm',
    '--sym',
    '--O2',
    '-o',
    relOut,
    ...includePaths.flatMap((p) => ['-l', p]),
    ...(inspect ? ['--inspect'] : []),
  ]
  const { stdout, stderr } = await run(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 })
  const name = basename(relCircuit, '.circom')
  return {
    r1cs: join(root, relOut, `${name}.r1cs`),
    wasm: join(root, relOut, `${name}_js`, `${name}.wasm`),
    sym: join(root, relOut, `${name}.sym`),
    log: stdout + stderr,
  }
}
