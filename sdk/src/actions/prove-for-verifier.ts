import type { Account, Address, Chain, Client, Transport } from 'viem'
import { getChainId } from 'viem/actions'
import type { ProofXErrorType } from '../errors/base.js'
import type { Prover, ProveErrorType, ProveParameters } from '../prover/create-prover.js'
import type { ProveReturnType } from '../prover/types.js'
import { getVerificationKeyHash } from './get-verification-key-hash.js'

export type ProveForVerifierParameters = Omit<ProveParameters, 'chainId' | 'verifier' | 'scope' | 'vkeyHash'> & {
  /** The ProofXVerifier proxy the proof is for: its chain, address and `vkeyHash()` decide scope and artifact set. */
  address: Address
  /** From `createProver()`, with one artifact set or a catalog of sets known by verification-key hash. */
  prover: Pick<Prover, 'prove'>
}

export type ProveForVerifierReturnType = ProveReturnType

export type ProveForVerifierErrorType = ProveErrorType | ProofXErrorType

/**
 * Proves for one verifier contract: reads its `vkeyHash()` (once per proof, so a verifier switched since the last
 * proof is followed at once) and the chain id, then proves with the prover's artifact set of that key. A prover
 * without it throws VerificationKeyNotAvailableError before any proving, so no transaction is sent that the
 * contract would reject. The subject defaults to the client's account.
 * @example
 * const prover = createProver({ artifacts: { sets: { [V1_HASH]: v1, [V2_HASH]: v2 } } })
 * const proof = await proveForVerifier(client, { prover, address: deployment.proxy, credential, policy })
 * await submitProof(client, { address: deployment.proxy, proof })
 */
export async function proveForVerifier(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { address, prover, ...rest }: ProveForVerifierParameters,
): Promise<ProveForVerifierReturnType> {
  const [chainId, vkeyHash] = await Promise.all([client.chain?.id ?? getChainId(client), getVerificationKeyHash(client, { address })])
  return prover.prove({ ...rest, subject: rest.subject ?? client.account?.address, chainId, verifier: address, vkeyHash })
}
