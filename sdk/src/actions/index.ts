// The ProofX viem actions. Each takes a viem Client first, like viem's own actions.
export {
  addIssuer,
  simulateAddIssuer,
  type SimulateAddIssuerParameters,
  type AddIssuerErrorType,
  type AddIssuerParameters,
  type AddIssuerReturnType,
} from './add-issuer.js'
export {
  closeGates,
  simulateCloseGates,
  type SimulateCloseGatesParameters,
  type CloseGatesErrorType,
  type CloseGatesParameters,
  type CloseGatesReturnType,
} from './close-gates.js'
export {
  getComplianceStatus,
  type ComplianceStatusReason,
  type GetComplianceStatusErrorType,
  type GetComplianceStatusParameters,
  type GetComplianceStatusReturnType,
} from './get-compliance-status.js'
export {
  getCredentialStatus,
  type CredentialStatus,
  type GetCredentialStatusErrorType,
  type GetCredentialStatusParameters,
  type GetCredentialStatusReturnType,
} from './get-credential-status.js'
export { getPolicy, type GetPolicyErrorType, type GetPolicyParameters, type GetPolicyReturnType } from './get-policy.js'
export {
  getPublishedPolicy,
  type GetPublishedPolicyErrorType,
  type GetPublishedPolicyParameters,
  type GetPublishedPolicyReturnType,
} from './get-published-policy.js'
export {
  getVerificationKeyHash,
  type GetVerificationKeyHashErrorType,
  type GetVerificationKeyHashParameters,
  type GetVerificationKeyHashReturnType,
} from './get-verification-key-hash.js'
export {
  grantSigner,
  simulateGrantSigner,
  type SimulateGrantSignerParameters,
  type GrantSignerErrorType,
  type GrantSignerParameters,
  type GrantSignerReturnType,
} from './grant-signer.js'
export { isCompliant, type IsCompliantErrorType, type IsCompliantParameters, type IsCompliantReturnType } from './is-compliant.js'
export {
  openGates,
  simulateOpenGates,
  type SimulateOpenGatesParameters,
  type OpenGatesErrorType,
  type OpenGatesParameters,
  type OpenGatesReturnType,
} from './open-gates.js'
export { pause, simulatePause, type SimulatePauseParameters, type PauseErrorType, type PauseParameters, type PauseReturnType } from './pause.js'
export {
  removeIssuer,
  simulateRemoveIssuer,
  type SimulateRemoveIssuerParameters,
  type RemoveIssuerErrorType,
  type RemoveIssuerParameters,
  type RemoveIssuerReturnType,
} from './remove-issuer.js'
export {
  revokeCredential,
  simulateRevokeCredential,
  type SimulateRevokeCredentialParameters,
  type RevokeCredentialErrorType,
  type RevokeCredentialParameters,
  type RevokeCredentialReturnType,
} from './revoke-credential.js'
export {
  revokeSigner,
  simulateRevokeSigner,
  type SimulateRevokeSignerParameters,
  type RevokeSignerErrorType,
  type RevokeSignerParameters,
  type RevokeSignerReturnType,
} from './revoke-signer.js'
export {
  setBatchVerifier,
  simulateSetBatchVerifier,
  type SimulateSetBatchVerifierParameters,
  type SetBatchVerifierErrorType,
  type SetBatchVerifierParameters,
  type SetBatchVerifierReturnType,
} from './set-batch-verifier.js'
export {
  setIssuerRevoker,
  simulateSetIssuerRevoker,
  type SimulateSetIssuerRevokerParameters,
  type SetIssuerRevokerErrorType,
  type SetIssuerRevokerParameters,
  type SetIssuerRevokerReturnType,
} from './set-issuer-revoker.js'
export {
  setMaxProofAge,
  simulateSetMaxProofAge,
  type SimulateSetMaxProofAgeParameters,
  type SetMaxProofAgeErrorType,
  type SetMaxProofAgeParameters,
  type SetMaxProofAgeReturnType,
} from './set-max-proof-age.js'
export {
  setPolicy,
  simulateSetPolicy,
  type SimulateSetPolicyParameters,
  type SetPolicyErrorType,
  type SetPolicyParameters,
  type SetPolicyReturnType,
} from './set-policy.js'
export {
  setVerifier,
  simulateSetVerifier,
  type SimulateSetVerifierParameters,
  type SetVerifierErrorType,
  type SetVerifierParameters,
  type SetVerifierReturnType,
} from './set-verifier.js'
export { submitProof, type SubmitProofErrorType, type SubmitProofParameters, type SubmitProofReturnType } from './submit-proof.js'
export {
  MAX_BATCH_SIZE,
  submitProofs,
  type SubmitProofsEntryErrorType,
  type SubmitProofsErrorType,
  type SubmitProofsParameters,
  type SubmitProofsResult,
  type SubmitProofsReturnType,
} from './submit-proofs.js'
export { unpause, simulateUnpause, type SimulateUnpauseParameters, type UnpauseErrorType, type UnpauseParameters, type UnpauseReturnType } from './unpause.js'
export {
  IMPLEMENTATION_SLOT,
  upgrade,
  simulateUpgrade,
  type SimulateUpgradeParameters,
  type UpgradeErrorType,
  type UpgradeParameters,
  type UpgradeReturnType,
} from './upgrade.js'
export {
  watchCredentialRevoked,
  type CredentialRevokedEvent,
  type WatchCredentialRevokedErrorType,
  type WatchCredentialRevokedParameters,
  type WatchCredentialRevokedReturnType,
} from './watch-credential-revoked.js'
export {
  watchProofVerified,
  type ProofVerifiedEvent,
  type WatchProofVerifiedErrorType,
  type WatchProofVerifiedParameters,
  type WatchProofVerifiedReturnType,
} from './watch-proof-verified.js'
export {
  proveForVerifier,
  type ProveForVerifierErrorType,
  type ProveForVerifierParameters,
  type ProveForVerifierReturnType,
} from './prove-for-verifier.js'
