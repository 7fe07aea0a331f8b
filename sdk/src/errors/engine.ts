import { ProofXError } from './base.js'

export type ZkeyFormatErrorType = ZkeyFormatError & { name: 'ZkeyFormatError' }
/** The proving key is not a Groth16 BN254 zkey the engine can read (truncated, corrupted or another format). */
export class ZkeyFormatError extends ProofXError {
  override name = 'ZkeyFormatError' as const
  readonly field: string
  constructor({ field, rule }: { field: string; rule: string }) {
    super(`The zkey cannot be used: ${field} ${rule}.`, {
      details: `${field}: ${rule}`,
      metaMessages: ['Use the .zkey produced by the circuit set-up (snarkjs groth16 setup / zkey contribute) for this circuit, unmodified.'],
    })
    this.field = field
  }
}

export type WitnessFormatErrorType = WitnessFormatError & { name: 'WitnessFormatError' }
/** The witness does not fit the zkey (wrong size, wrong field, corrupted .wtns). */
export class WitnessFormatError extends ProofXError {
  override name = 'WitnessFormatError' as const
  readonly field: string
  constructor({ field, rule }: { field: string; rule: string }) {
    super(`The witness cannot be used: ${field} ${rule}.`, {
      details: `${field}: ${rule}`,
      metaMessages: ["Compute the witness with this circuit's witness calculator (circom's .wasm of the same build as the zkey)."],
    })
    this.field = field
  }
}

export type EngineUnavailableErrorType = EngineUnavailableError & { name: 'EngineUnavailableError' }
/**
 * ProofX's proving engine could not start in this worker (its WebAssembly module did not compile or instantiate,
 * or it found no memory), so snarkjs proved instead: the proof is valid, only slower. Handed to `onFallback`.
 */
export class EngineUnavailableError extends ProofXError {
  override name = 'EngineUnavailableError' as const
  constructor({ cause }: { cause?: unknown } = {}) {
    super("ProofX's proving engine could not start here; snarkjs proves instead (valid proofs, slower).", {
      cause,
      details: cause instanceof Error ? `${cause.name}: ${cause.message}` : cause === undefined ? undefined : String(cause),
      metaMessages: ['The runtime must allow WebAssembly (CSP `wasm-unsafe-eval`) and have memory to spare for the zkey.'],
    })
  }
}
