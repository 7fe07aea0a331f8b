import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { createElement, type ReactNode } from 'react'
import { afterAll, describe, expect, test } from 'vitest'
import { serializeCredential } from '../../credentials/serialize-credential.js'
import { createCredentialStore } from '../../holder/create-credential-store.js'
import { credentialLink } from '../../holder/credential-link.js'
import { signed } from '@proofx/test-helpers/sample-credential'
import { ProofXProvider } from '../context.js'
import { createProofXConfig } from '../../config/create-proofx-config.js'
import { useCredentialStore } from './useCredentialStore.js'

const name = `proofx-hook-test-${crypto.randomUUID()}`
const config = createProofXConfig({
  prover: { prove: () => Promise.reject(new Error('not used')), verify: () => Promise.reject(new Error('not used')) },
  credentialStore: createCredentialStore({ name }),
})

function wrapper({ children }: { children: ReactNode }) {
  return createElement(QueryClientProvider, { client: new QueryClient() }, createElement(ProofXProvider, { config }, children))
}

afterAll(() => {
  config.getCredentialStore().close()
  indexedDB.deleteDatabase(name)
})

describe('useCredentialStore', () => {
  test('lists, imports (paste and link) and deletes, refreshing the list each time', async () => {
    const { result } = renderHook(() => useCredentialStore(), { wrapper })
    await waitFor(() => expect(result.current.credentials.data?.credentials).toEqual([]))

    await act(() => result.current.importCredential.mutateAsync({ json: serializeCredential(signed()) }))
    await waitFor(() => expect(result.current.credentials.data?.credentials).toHaveLength(1))
    await act(() => result.current.importCredential.mutateAsync({ link: credentialLink('https://dapp.example/', signed({ kycLevel: 4 })) }))
    await waitFor(() => expect(result.current.credentials.data?.credentials.map((c) => c.source).sort()).toEqual(['link', 'paste']))

    const id = result.current.credentials.data!.credentials[0]!.id
    await act(() => result.current.deleteCredential.mutateAsync(id))
    await waitFor(() => expect(result.current.credentials.data?.credentials.map((c) => c.id)).not.toContain(id))
  })

  test('an invalid import ends in the typed error, the list unchanged', async () => {
    const { result } = renderHook(() => useCredentialStore(), { wrapper })
    await waitFor(() => expect(result.current.credentials.isSuccess).toBe(true))
    const before = result.current.credentials.data!.credentials.length
    await act(() => result.current.importCredential.mutateAsync({ json: '{"attributes": 1}' }).catch(() => {}))
    await waitFor(() => expect(result.current.importCredential.error).toMatchObject({ name: 'InvalidInputError', field: 'credential.attributes' }))
    expect(result.current.credentials.data!.credentials).toHaveLength(before)
  })
})
