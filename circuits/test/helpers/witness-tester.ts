import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import * as snarkjs from 'snarkjs'
import { compileForTest, type TestBuild } from './compile-for-test.js'
import { readSymbols, type SymbolTable } from './read-symbols.js'

/** What a circuit input signal takes: a number or a (nested) array of them. */
export type SignalValue = bigint | number | string | readonly SignalValue[]
export type CircuitInput = { readonly [signal: string]: SignalValue }

// The part of snarkjs's witness API that sdk/src/types/snarkjs.d.ts does not declare.
type WtnsCheck = (r1cs: string, wtns: { type: 'mem'; data: Uint8Array }, logger: snarkjs.Logger) => Promise<boolean>
const checkWitness = (snarkjs.wtns as unknown as { check: WtnsCheck }).check

// snarkjs's wtns.calculate is circom_runtime's WitnessCalculatorBuilder + calculateWTNSBin, but it recompiles the
// multi-megabyte wasm on every call. Build the same calculator (snarkjs's own circom_runtime) once per circuit.
type WitnessCalculator = {
  calculateWitness(input: CircuitInput, sanityCheck: boolean): Promise<bigint[]>
  calculateWTNSBin(input: CircuitInput, sanityCheck: boolean): Promise<Uint8Array>
}
const requireFromSnarkjs = createRequire(createRequire(import.meta.url).resolve('snarkjs'))
const { WitnessCalculatorBuilder } = requireFromSnarkjs('circom_runtime') as { WitnessCalculatorBuilder: (wasm: Uint8Array) => Promise<WitnessCalculator> }

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

  /** Every witness value, by witness index (a copy). */
  all(): bigint[] {
    return [...this.values]
  }

  /** Values of several signals, in the order given. */
  signals(names: readonly string[]): bigint[] {
    return names.map((n) => this.signal(n))
  }
}

/**
 * A circuit compiled from its current source, ready to compute witnesses. The calculator asserts every `===`
 * (and `<==`) as it goes; `satisfiesR1cs` also checks a witness against every R1CS constraint with snarkjs.
 */
export class WitnessTester<TInput extends CircuitInput = CircuitInput> {
  /** Failure frames already reported: circom_runtime never clears its error buffer, so each message repeats them. */
  private framesSeen = 0

  private constructor(
    readonly build: TestBuild,
    private readonly calculator: WitnessCalculator,
    readonly symbols: SymbolTable,
  ) {}

  static async compile<TInput extends CircuitInput>(circuit: string): Promise<WitnessTester<TInput>> {
    const build = await compileForTest(circuit)
    const calculator = await WitnessCalculatorBuilder(await readFile(build.wasm))
    return new WitnessTester<TInput>(build, calculator, await readSymbols(build.sym))
  }

  /** Computes the witness of `input`; throws the calculator's error if an assertion fails. */
  async calculate(input: TInput): Promise<Witness> {
    return new Witness(await quietly(() => this.calculator.calculateWitness(input, true)), this.symbols)
  }

  /** The witness of `input` (optionally altered by `tamper`, which gets a signal-name lookup) checked against every R1CS constraint. */
  async satisfiesR1cs(input: TInput, tamper?: (values: bigint[], indexOf: (name: string) => number) => void): Promise<boolean> {
    const bin = await quietly(() => this.calculator.calculateWTNSBin(input, true))
    if (tamper) {
      const values = await this.calculate(input).then((w) => w.all())
      tamper(values, (name) => this.symbols.get(name) ?? -1)
      writeWitnessValues(bin, values)
    }
    const silent = { info: () => {}, debug: () => {}, warn: () => {}, error: () => {} }
    return checkWitness(this.build.r1cs, { type: 'mem', data: bin }, silent)
  }

  /** Runs `input` and returns where it failed; throws if the witness was accepted. */
  async failure(input: TInput): Promise<WitnessFailure> {
    try {
      await this.calculate(input)
    } catch (error) {
      const failure = parseFailure(error instanceof Error ? error.message : String(error))
      const stack = failure.stack.slice(this.framesSeen)
      this.framesSeen = failure.stack.length
      return { message: failure.message, stack }
    }
    throw new Error('expected the witness to fail, but the circuit accepted it')
  }

  remove(): Promise<void> {
    return this.build.remove()
  }
}

// A .wtns file ends with its witness section: n values of 32 bytes, little-endian. Overwrite them in place.
function writeWitnessValues(bin: Uint8Array, values: readonly bigint[]): void {
  const start = bin.length - values.length * 32
  values.forEach((value, i) => {
    let v = value
    for (let b = 0; b < 32; b++) {
      bin[start + i * 32 + b] = Number(v & 0xffn)
      v >>= 8n
    }
  })
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
