// @proofx/sdk/react: wagmi-style hooks over the SDK's prover and chain actions.
export { ProofXProvider, ProofXContext, type ProofXProviderProps } from './context.js'
export { createProofXConfig, type CreateProofXConfigParameters, type ProofXConfig, type ProverLike } from '../config/create-proofx-config.js'
export { ProofXProviderNotFoundError, type ProofXProviderNotFoundErrorType } from './errors.js'
export { VerifierAddressNotFoundError, type VerifierAddressNotFoundErrorType } from '../errors/config.js'
export { useProofXConfig, type UseProofXConfigParameters } from './hooks/useProofXConfig.js'
export { useProve, type UseProveParameters } from './hooks/useProve.js'
export { useSubmitProof, type UseSubmitProofParameters } from './hooks/useSubmitProof.js'
export { useComplianceStatus, type UseComplianceStatusParameters } from './hooks/useComplianceStatus.js'
export { useCredentialStatus, type UseCredentialStatusParameters } from './hooks/useCredentialStatus.js'
export { useCredentialStore, type UseCredentialStoreParameters } from './hooks/useCredentialStore.js'
export { usePublishedPolicy, type UsePublishedPolicyParameters } from './hooks/usePublishedPolicy.js'
export { proveMutationOptions, proveMutationKey, type ProveData, type ProveProgress, type ProveVariables } from '../query/prove.js'
export { submitProofMutationOptions, submitProofMutationKey, type SubmitProofData, type SubmitProofVariables } from '../query/submitProof.js'
export {
  getComplianceStatusQueryOptions,
  getComplianceStatusQueryKey,
  type GetComplianceStatusData,
  type GetComplianceStatusOptions,
} from '../query/getComplianceStatus.js'
export {
  getCredentialStatusQueryOptions,
  getCredentialStatusQueryKey,
  type GetCredentialStatusData,
  type GetCredentialStatusOptions,
} from '../query/getCredentialStatus.js'
export {
  getPublishedPolicyQueryOptions,
  getPublishedPolicyQueryKey,
  type GetPublishedPolicyData,
  type GetPublishedPolicyOptions,
} from '../query/getPublishedPolicy.js'
export {
  listCredentialsQueryOptions,
  importCredentialMutationOptions,
  deleteCredentialMutationOptions,
  credentialsQueryKey,
  type ImportCredentialVariables,
} from '../query/credentials.js'
