import { expect, test } from 'vitest'
import * as react from './index.js'

// The public surface of '@proofx/sdk/react': a change here is an API change and shows up in review.
test('exports', () => {
  expect(Object.keys(react).sort()).toEqual([
    'ProofXContext',
    'ProofXProvider',
    'ProofXProviderNotFoundError',
    'VerifierAddressNotFoundError',
    'createProofXConfig',
    'credentialsQueryKey',
    'deleteCredentialMutationOptions',
    'getComplianceStatusQueryKey',
    'getComplianceStatusQueryOptions',
    'getCredentialStatusQueryKey',
    'getCredentialStatusQueryOptions',
    'getPublishedPolicyQueryKey',
    'getPublishedPolicyQueryOptions',
    'importCredentialMutationOptions',
    'listCredentialsQueryOptions',
    'proveMutationKey',
    'proveMutationOptions',
    'submitProofMutationKey',
    'submitProofMutationOptions',
    'useComplianceStatus',
    'useCredentialStatus',
    'useCredentialStore',
    'useProofXConfig',
    'useProve',
    'usePublishedPolicy',
    'useSubmitProof',
  ])
})
