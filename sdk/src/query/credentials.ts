import type { MutationOptions, QueryOptions } from '@tanstack/query-core'
import type { CredentialStore } from '../holder/create-credential-store.js'
import type { AddCredentialReturnType, CredentialSource, ListCredentialsReturnType } from '../holder/types.js'
import type { ProofXErrorType } from '../errors/base.js'

export const credentialsQueryKey = () => ['proofx', 'credentials'] as const

export type CredentialsQueryKey = ReturnType<typeof credentialsQueryKey>

/** TanStack query options listing the store's credentials (decrypted in memory) with their validity now. */
export function listCredentialsQueryOptions(store: CredentialStore) {
  return {
    queryKey: credentialsQueryKey(),
    queryFn: () => store.list(),
  } as const satisfies QueryOptions<ListCredentialsReturnType, ProofXErrorType, ListCredentialsReturnType, CredentialsQueryKey>
}

/** What the import mutation takes: pasted text or an object, a file, or a link whose fragment carries a credential. */
export type ImportCredentialVariables = { json: unknown; source?: CredentialSource | undefined; label?: string | undefined } | { file: Blob } | { link: string }

/** TanStack mutation options importing one credential; resolves undefined for a link that carries none. */
export function importCredentialMutationOptions(store: CredentialStore) {
  return {
    mutationKey: ['proofx', 'importCredential'] as const,
    mutationFn: (variables) =>
      'file' in variables
        ? store.importFile(variables.file)
        : 'link' in variables
          ? store.importLink(variables.link)
          : store.add(variables.json, { source: variables.source, label: variables.label }),
  } as const satisfies MutationOptions<AddCredentialReturnType | undefined, ProofXErrorType, ImportCredentialVariables>
}

/** TanStack mutation options deleting one stored credential by id. */
export function deleteCredentialMutationOptions(store: CredentialStore) {
  return {
    mutationKey: ['proofx', 'deleteCredential'] as const,
    mutationFn: (id) => store.delete(id),
  } as const satisfies MutationOptions<void, ProofXErrorType, string>
}
