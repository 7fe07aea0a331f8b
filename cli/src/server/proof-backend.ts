import type { Address } from 'viem'
import type { SignedCredential, Policy } from '@proofx/sdk'

/** A Groth16 proof as snarkjs returns it (decimal strings). */
export type Groth16Proof = { pi_a: string[]; pi_b: string[][]; pi_c: string[]; protocol?: string; curve?: string }

export type ProofBackendResult = { proof: Groth16Proof; publicSignals: readonly string[] }

/** One validated proof request: what the circuit needs to build its witness. */
export type ProofJob = { credential: SignedCredential; policy: Policy; subject: Address; now: bigint; scope: bigint }

/**
 * What the service needs from the proving core: prove one witness input on some worker.
 * The pool size and worker lifecycle are the backend's; the service only bounds the queue in front.
 */
export type ProofBackend = {
  /** Workers that prove at once. */
  readonly size: number
  prove(job: ProofJob): Promise<ProofBackendResult>
  /** Loads artifacts and starts workers; readiness waits for it. */
  warmup(): Promise<void>
  close(): Promise<void>
}
