import { readFile } from 'node:fs/promises'
import * as snarkjs from 'snarkjs'
import { compileForTest, type TestBuild } from './compile-for-test.js'
import { readSymbols, type SymbolTable } from './read-symbols.js'

/** What a circuit input signal takes: a number or a (nested) array of them. */
export type SignalValue = bigint | number | string | readonly SignalValue[]
export type CircuitInput = { readonly [signal: string]: SignalValue }

// The parts of snarkjs's witness API that sdk/src/types/snarkjs.d.ts does not declare.
type WtnsApi = {
  calculate(input: CircuitInput, wasm: Uint8Array | string, out: { type: 'mem'; data?: Uint8Array }): Promise<void>
  exportJson(wtns: { type: 'mem'; data?: Uint8Array }): Promise<bigint[]>
  check(r1cs: string, wtns: { type: 'mem'; data?: Uint8Array }, logger: snarkjs.Logger): Promise<boolean>
}
const wtns = snarkjs.wtns as unknown as WtnsApi

/** One frame of a failed assertion: the template (without circom's instance suffix) and its source line. */
export type FailureFrame = { template: string; line: number }

/** Where the witness calculator stopped, innermost frame first (the failed `===`), then each caller. */
export type WitnessFailure = { message: string; stack: FailureFrame[] }

/** A computed witness whose signals are read by name (via the .sym file), never by index. */
export class Witness {
  constructor(
    private readonly values: readonly bigint[],
    private readonly symbols: SymbolTable,
  ) {}

  /** The value of a signal by its full name, e.g. `main.credentialHash`; fails if --O2 removed it. */
  signal(name: string): bigint {
    const index = this.symbols.get(name)
    if (index === undefined) throw new Error(`no signal named ${name} in the circuit`)
    if (index < 0) throw new Error(`signal ${name} was optimised away by the compiler and has no witness value`)
    return this.values[index]!
  }

  /** Values of several signals, in the order given. */
  signals(names: readonly string[]): bigint[] {
    return names.map((n) => this.signal(n))
  }
}

/**
 * A circuit compiled from its current source, ready to compute witnesses with snarkjs.
 * `calculate` runs the witness calculator (every `===` is asserted) and then checks the
 * witness against every R1CS constraint, so a passing witness satisfies the real circuit.
 */
export class WitnessTester<TInput extends CircuitInput = CircuitInput> {
  private constructor(
    readonly build: TestBuild,
    private readonly wasm: Uint8Array,
    readonly symbols: SymbolTable,
  ) {}

  static async compile<TInput extends CircuitInput>(circuit: string): Promise<WitnessTester<TInput>> {
    const build = await compileForTest(circuit)
    return new WitnessTester<TInput>(build, await readFile(build.wasm), await readSymbols(build.sym))
  }

  /** Computes the witness of `input`; throws the calculator's error if an assertion fails. */
  async calculate(input: TInput): Promise<Witness> {
    const out: { type: 'mem'; data?: Uint8Array } = { type: 'mem' }
    await quietly(() => wtns.calculate(input, this.wasm, out))
    const logger = { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} }
    if (!(await wtns.check(this.build.r1cs, out, logger))) throw new Error('the witness does not satisfy the R1CS constraints')
    return new Witness(await wtns.exportJson(out), this.symbols)
  }

  /** Runs `input` and returns where it failed; throws if the witness was accepted. */
  async failure(input: TInput): Promise<WitnessFailure> {
    try {
      await this.calculate(input)
    } catch (error) {
      return parseFailure(error instanceof Error ? error.message : String(error))
    }
    throw new Error('expected the witness to fail, but the circuit accepted it')
  }

  remove(): Promise<void> {
    return this.build.remove()
  }
}

// circom reports a failed assertion as "Assert Failed. Error in template Name_123 line: 45", one such
// line per enclosing template, innermost first.
function parseFailure(message: string): WitnessFailure {
  const stack = [...message.matchAll(/Error in template (\w+?)_\d+ line: (\d+)/g)].map((m) => ({ template: m[1]!, line: Number(m[2]) }))
  return { message, stack }
}

// The calculator prints every failed assertion with console.error before throwing it; the error carries it already.
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const { error, log } = console
  console.error = () => {}
  console.log = () => {}
  try {
    return await run()
  } finally {
    console.error = error
    console.log = log
  }
}
