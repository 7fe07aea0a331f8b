import type { MutationOptions } from '@tanstack/query-core'
import type { Address } from 'viem'
import type { Config } from '@wagmi/core'
// Runtime actions through wagmi (which installs @wagmi/core for them); only the Config type is named from @wagmi/core.
import { readContract } from 'wagmi/actions'
import { proofXVerifierAbi } from '../chain/abi.js'
import type { ProveErrorType, ProveParameters } from '../prover/create-prover.js'
import type { ProofProgress, ProveReturnType } from '../prover/types.js'

import type { ProverLike } from '../config/create-proofx-config.js'

export type ProveVariables = Omit<ProveParameters, 'onProgress' | 'signal' | 'verifier'> & {
  /** The ProofXVerifier proxy the proof is bound to; defaults to the config's verifier for `chainId`. */
  address?: Address | undefined
}

export type ProveData = ProveReturnType

/** Progress as the hooks report it: the prover's stages plus 'validating' before the worker starts. */
export type ProveProgress = { stage: ProofProgress['stage'] | 'validating'; elapsed: number; artifact?: ProofProgress['artifact'] }

export const proveMutationKey = () => ['proofx', 'prove'] as const

export type ProveMutationContext = {
  /** Receives every progress event of the running proof. */
  onProgress?: ((progress: ProveProgress) => void) | undefined
  /** The AbortSignal of the running proof (a new one per call, so cancel ends only that proof). */
  getSignal?: (() => AbortSignal | undefined) | undefined
  /**
   * Reads the verifier's `vkeyHash()` through this wagmi config before each proof (unless the variables give
   * `vkeyHash`), so the prover proves with the artifact set of the key the contract uses now.
   */
  wagmiConfig?: Config | undefined
}

/**
 * TanStack mutation options that prove with the config's prover (validation first, then the worker). With a wagmi
 * config, the verifier's `vkeyHash()` is read once per proof and picks the artifact set (VerificationKeyNotAvailableError
 * before proving when the prover has none).
 */
export function proveMutationOptions(config: { prover: ProverLike; getVerifierAddress(chainId: number): Address }, context: ProveMutationContext = {}) {
  return {
    mutationKey: proveMutationKey(),
    async mutationFn(variables) {
      const { address, ...rest } = variables
      const verifier = address ?? (rest.scope === undefined && rest.chainId !== undefined ? config.getVerifierAddress(Number(rest.chainId)) : undefined)
      context.onProgress?.({ stage: 'validating', elapsed: 0 })
      const signal = context.getSignal?.()
      const vkeyHash =
        rest.vkeyHash ??
        (context.wagmiConfig && verifier && rest.chainId !== undefined
          ? await readContract(context.wagmiConfig, { address: verifier, abi: proofXVerifierAbi, functionName: 'vkeyHash', chainId: Number(rest.chainId) })
          : undefined)
      return config.prover.prove({ ...rest, verifier, vkeyHash, onProgress: context.onProgress, signal })
    },
  } as const satisfies MutationOptions<ProveData, ProveErrorType, ProveVariables>
}
