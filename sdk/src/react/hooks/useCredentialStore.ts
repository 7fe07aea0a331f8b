import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CredentialStore } from '../../holder/create-credential-store.js'
import { credentialsQueryKey, deleteCredentialMutationOptions, importCredentialMutationOptions, listCredentialsQueryOptions } from '../../query/credentials.js'
import { useProofXConfig } from './useProofXConfig.js'

export type UseCredentialStoreParameters = {
  /** Defaults to the ProofX config's store (createProofXConfig({ credentialStore })), an encrypted IndexedDB store. */
  store?: CredentialStore | undefined
}

/**
 * The holder's stored credentials (encrypted at rest, on this device only): the list with expiry warnings, and
 * `importCredential` / `deleteCredential`, which refresh it. Import errors are the prover's typed errors.
 * @example
 * const { credentials, importCredential, deleteCredential } = useCredentialStore()
 * importCredential.mutate({ link: location.href })
 * credentials.data?.credentials.map((c) => `${c.id}: ${c.validity}`)
 */
export function useCredentialStore(parameters: UseCredentialStoreParameters = {}) {
  const config = useProofXConfig()
  const store = parameters.store ?? config.getCredentialStore()
  const queryClient = useQueryClient()
  const refresh = () => queryClient.invalidateQueries({ queryKey: credentialsQueryKey() })
  const credentials = useQuery(listCredentialsQueryOptions(store))
  const importCredential = useMutation({ ...importCredentialMutationOptions(store), onSuccess: refresh })
  const deleteCredential = useMutation({ ...deleteCredentialMutationOptions(store), onSuccess: refresh })
  return { store, credentials, importCredential, deleteCredential }
}
