import type { QueryOptions } from '@tanstack/query-core'
import type { Address } from 'viem'
import type { Config } from '@wagmi/core'
import { getPublicClient } from 'wagmi/actions'
import { getCredentialStatus, type GetCredentialStatusErrorType, type GetCredentialStatusReturnType } from '../actions/get-credential-status.js'
import type { ProofXConfig } from '../config/create-proofx-config.js'
import { hashCredential } from '../credentials/hash-credential.js'
import { hashIssuerKey } from '../credentials/hash-issuer-key.js'
import type { SignedCredential } from '../credentials/types.js'

export type GetCredentialStatusOptions = {
  credential?: Pick<SignedCredential, 'attributes' | 'issuerPublicKey'> | undefined
  /** Defaults to the verifier the ProofX config names for `chainId`. */
  address?: Address | undefined
  /** Defaults to wagmi's current chain. */
  chainId?: number | undefined
}

export type GetCredentialStatusData = GetCredentialStatusReturnType

/** The key names the credential by its hashes (strings, JSON-hashable), never by its attribute values. */
export function getCredentialStatusQueryKey({ credential, address, chainId }: GetCredentialStatusOptions) {
  const issuerKeyHash = credential ? hashIssuerKey(credential.issuerPublicKey).toString() : undefined
  const credentialHash = credential ? hashCredential(credential.attributes).toString() : undefined
  return ['proofx', 'credentialStatus', { issuerKeyHash, credentialHash, address, chainId }] as const
}

export type GetCredentialStatusQueryKey = ReturnType<typeof getCredentialStatusQueryKey>

/** TanStack query options reading a credential's standing on the verifier (revoked, issuer trusted) through wagmi's public client. */
export function getCredentialStatusQueryOptions(wagmiConfig: Config, proofxConfig: ProofXConfig, options: GetCredentialStatusOptions) {
  return {
    queryKey: getCredentialStatusQueryKey(options),
    async queryFn() {
      const { credential } = options
      if (!credential) throw new Error('credential is required')
      const client = getPublicClient(wagmiConfig, { chainId: options.chainId })
      if (!client) throw new Error(`No wagmi public client for chain ${options.chainId}`)
      const address = options.address ?? proofxConfig.getVerifierAddress(client.chain.id)
      return getCredentialStatus(client, { address, credential })
    },
  } as const satisfies QueryOptions<GetCredentialStatusData, GetCredentialStatusErrorType, GetCredentialStatusData, GetCredentialStatusQueryKey>
}
