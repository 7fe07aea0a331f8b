import type { Address } from 'viem'
import { createCredentialStore, type CredentialStore } from '../holder/create-credential-store.js'
import type { Prover } from '../prover/create-prover.js'
import { VerifierAddressNotFoundError } from '../errors/config.js'

/**
 * What the config needs from a prover: `createProver()` returns one. `verify` is part of it because
 * `useProofXConfig().prover` is how a component checks the proof `useProve` returned.
 */
export type ProverLike = Pick<Prover, 'prove' | 'verify'>

export type CreateProofXConfigParameters<prover extends ProverLike = ProverLike> = {
  /** From `createProver()`: proves in a Web Worker. */
  prover: prover
  /** The ProofXVerifier proxy per chain id, e.g. `{ [deployment.chainId]: deployment.proxy }`. */
  verifiers?: Record<number, Address> | undefined
  /** The holder's credential store useCredentialStore reads; default createCredentialStore() (opened on first use). */
  credentialStore?: CredentialStore | undefined
}

export type ProofXConfig<prover extends ProverLike = ProverLike> = {
  prover: prover
  verifiers: Record<number, Address>
  /** The verifier proxy on `chainId`; throws VerifierAddressNotFoundError when none is configured. */
  getVerifierAddress(chainId: number): Address
  /** The credential store (created on first call unless one was given). */
  getCredentialStore(): CredentialStore
}

/**
 * The SDK config the React hooks share, given to `<ProofXProvider>`.
 * @example
 * const proofxConfig = createProofXConfig({ prover: createProver(), verifiers: { [deployment.chainId]: deployment.proxy } })
 */
export function createProofXConfig<prover extends ProverLike>(parameters: CreateProofXConfigParameters<prover>): ProofXConfig<prover> {
  const verifiers = { ...parameters.verifiers }
  let credentialStore = parameters.credentialStore
  return {
    getCredentialStore: () => (credentialStore ??= createCredentialStore()),
    prover: parameters.prover,
    verifiers,
    getVerifierAddress(chainId) {
      const address = verifiers[chainId]
      if (!address) throw new VerifierAddressNotFoundError({ chainId })
      return address
    },
  }
}
