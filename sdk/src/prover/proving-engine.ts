/** Which Groth16 prover runs in the worker: ProofX's WebAssembly engine or snarkjs (the reference). */
export type ProvingEngine = 'proofx' | 'snarkjs'

/**
 * The engine createProver uses unless told otherwise: ProofX's engine, measured faster than snarkjs in every
 * configuration `npm run bench` covers (BENCHMARKS.md). snarkjs stays the reference and the fallback.
 * Its own module so the page's bundle does not pull in the worker's code for a constant.
 */
export const DEFAULT_PROVING_ENGINE: ProvingEngine = 'proofx'
