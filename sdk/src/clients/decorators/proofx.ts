import type { Account, Address, Chain, Client, Transport } from 'viem'
import { addIssuer, type AddIssuerParameters, type AddIssuerReturnType } from '../../actions/add-issuer.js'
import { getComplianceStatus, type GetComplianceStatusParameters, type GetComplianceStatusReturnType } from '../../actions/get-compliance-status.js'
import { getCredentialStatus, type GetCredentialStatusParameters, type GetCredentialStatusReturnType } from '../../actions/get-credential-status.js'
import { getPolicy, type GetPolicyParameters, type GetPolicyReturnType } from '../../actions/get-policy.js'
import { getPublishedPolicy, type GetPublishedPolicyParameters, type GetPublishedPolicyReturnType } from '../../actions/get-published-policy.js'
import {
  getVerificationKeyHash,
  type GetVerificationKeyHashParameters,
  type GetVerificationKeyHashReturnType,
} from '../../actions/get-verification-key-hash.js'
import { proveForVerifier, type ProveForVerifierParameters, type ProveForVerifierReturnType } from '../../actions/prove-for-verifier.js'
import { grantSigner, type GrantSignerParameters, type GrantSignerReturnType } from '../../actions/grant-signer.js'
import { isCompliant, type IsCompliantParameters, type IsCompliantReturnType } from '../../actions/is-compliant.js'
import { closeGates, type CloseGatesParameters, type CloseGatesReturnType } from '../../actions/close-gates.js'
import { openGates, type OpenGatesParameters, type OpenGatesReturnType } from '../../actions/open-gates.js'
import { pause, type PauseParameters, type PauseReturnType } from '../../actions/pause.js'
import { removeIssuer, type RemoveIssuerParameters, type RemoveIssuerReturnType } from '../../actions/remove-issuer.js'
import { revokeCredential, type RevokeCredentialParameters, type RevokeCredentialReturnType } from '../../actions/revoke-credential.js'
import { revokeSigner, type RevokeSignerParameters, type RevokeSignerReturnType } from '../../actions/revoke-signer.js'
import { setIssuerRevoker, type SetIssuerRevokerParameters, type SetIssuerRevokerReturnType } from '../../actions/set-issuer-revoker.js'
import { setMaxProofAge, type SetMaxProofAgeParameters, type SetMaxProofAgeReturnType } from '../../actions/set-max-proof-age.js'
import { setPolicy, type SetPolicyParameters, type SetPolicyReturnType } from '../../actions/set-policy.js'
import { setVerifier, type SetVerifierParameters, type SetVerifierReturnType } from '../../actions/set-verifier.js'
import { setBatchVerifier, type SetBatchVerifierParameters, type SetBatchVerifierReturnType } from '../../actions/set-batch-verifier.js'
import { submitProof, type SubmitProofParameters, type SubmitProofReturnType } from '../../actions/submit-proof.js'
import { submitProofs, type SubmitProofsParameters, type SubmitProofsReturnType } from '../../actions/submit-proofs.js'
import { unpause, type UnpauseParameters, type UnpauseReturnType } from '../../actions/unpause.js'
import { upgrade, type UpgradeParameters, type UpgradeReturnType } from '../../actions/upgrade.js'
import { watchCredentialRevoked, type WatchCredentialRevokedParameters, type WatchCredentialRevokedReturnType } from '../../actions/watch-credential-revoked.js'
import { watchProofVerified, type WatchProofVerifiedParameters, type WatchProofVerifiedReturnType } from '../../actions/watch-proof-verified.js'

/** The action's parameters with `address` optional: the decorator fills in the verifier it was created for. */
type Bound<parameters> = parameters extends unknown ? Omit<parameters, 'address'> & { address?: Address | undefined } : never

export type ProofXActions = {
  proveForVerifier: (parameters: Bound<ProveForVerifierParameters>) => Promise<ProveForVerifierReturnType>
  submitProof: (parameters: Bound<SubmitProofParameters>) => Promise<SubmitProofReturnType>
  submitProofs: (parameters: Bound<SubmitProofsParameters>) => Promise<SubmitProofsReturnType>
  isCompliant: (parameters: Bound<IsCompliantParameters>) => Promise<IsCompliantReturnType>
  getComplianceStatus: (parameters: Bound<GetComplianceStatusParameters>) => Promise<GetComplianceStatusReturnType>
  getCredentialStatus: (parameters: Bound<GetCredentialStatusParameters>) => Promise<GetCredentialStatusReturnType>
  getPolicy: (parameters: Bound<GetPolicyParameters>) => Promise<GetPolicyReturnType>
  getPublishedPolicy: (parameters: Bound<GetPublishedPolicyParameters>) => Promise<GetPublishedPolicyReturnType>
  getVerificationKeyHash: (parameters?: Bound<GetVerificationKeyHashParameters>) => Promise<GetVerificationKeyHashReturnType>
  watchProofVerified: (parameters: Bound<WatchProofVerifiedParameters>) => WatchProofVerifiedReturnType
  watchCredentialRevoked: (parameters: Bound<WatchCredentialRevokedParameters>) => WatchCredentialRevokedReturnType
  grantSigner: (parameters: Bound<GrantSignerParameters>) => Promise<GrantSignerReturnType>
  revokeSigner: (parameters: Bound<RevokeSignerParameters>) => Promise<RevokeSignerReturnType>
  pause: (parameters?: Bound<PauseParameters>) => Promise<PauseReturnType>
  unpause: (parameters?: Bound<UnpauseParameters>) => Promise<UnpauseReturnType>
  closeGates: (parameters?: Bound<CloseGatesParameters>) => Promise<CloseGatesReturnType>
  openGates: (parameters?: Bound<OpenGatesParameters>) => Promise<OpenGatesReturnType>
  setVerifier: (parameters: Bound<SetVerifierParameters>) => Promise<SetVerifierReturnType>
  setBatchVerifier: (parameters: Bound<SetBatchVerifierParameters>) => Promise<SetBatchVerifierReturnType>
  setPolicy: (parameters: Bound<SetPolicyParameters>) => Promise<SetPolicyReturnType>
  setMaxProofAge: (parameters: Bound<SetMaxProofAgeParameters>) => Promise<SetMaxProofAgeReturnType>
  addIssuer: (parameters: Bound<AddIssuerParameters>) => Promise<AddIssuerReturnType>
  setIssuerRevoker: (parameters: Bound<SetIssuerRevokerParameters>) => Promise<SetIssuerRevokerReturnType>
  removeIssuer: (parameters: Bound<RemoveIssuerParameters>) => Promise<RemoveIssuerReturnType>
  revokeCredential: (parameters: Bound<RevokeCredentialParameters>) => Promise<RevokeCredentialReturnType>
  upgrade: (parameters: Bound<UpgradeParameters>) => Promise<UpgradeReturnType>
}

export type ProofXActionsConfig = {
  /** The ProofXVerifier proxy every action talks to unless a call names another `address`. */
  address: Address
}

/**
 * Attaches the ProofX actions to a viem client, bound to one verifier.
 * @example
 * const client = createWalletClient({ account, chain: anvil, transport: http() })
 *   .extend(publicActions)
 *   .extend(proofXActions({ address: deployment.proxy }))
 * await client.submitProof({ policyId: 1n, proof })
 */
export function proofXActions({ address }: ProofXActionsConfig) {
  return <transport extends Transport, chain extends Chain | undefined, account extends Account | undefined>(
    client: Client<transport, chain, account>,
  ): ProofXActions => {
    const c = client as unknown as Client<Transport, Chain | undefined, Account | undefined>
    const bind = <parameters extends { address: Address }>(p: Bound<parameters> | undefined) => ({ ...p, address: p?.address ?? address }) as parameters
    return {
      proveForVerifier: (p) => proveForVerifier(c, bind(p)),
      submitProof: (p) => submitProof(c, bind(p)),
      submitProofs: (p) => submitProofs(c, bind(p)),
      isCompliant: (p) => isCompliant(c, bind(p)),
      getComplianceStatus: (p) => getComplianceStatus(c, bind(p)),
      getCredentialStatus: (p) => getCredentialStatus(c, bind(p)),
      getPolicy: (p) => getPolicy(c, bind(p)),
      getPublishedPolicy: (p) => getPublishedPolicy(c, bind(p)),
      getVerificationKeyHash: (p) => getVerificationKeyHash(c, bind(p)),
      watchProofVerified: (p) => watchProofVerified(c, bind(p)),
      watchCredentialRevoked: (p) => watchCredentialRevoked(c, bind(p)),
      grantSigner: (p) => grantSigner(c, bind(p)),
      revokeSigner: (p) => revokeSigner(c, bind(p)),
      pause: (p) => pause(c, bind(p)),
      unpause: (p) => unpause(c, bind(p)),
      closeGates: (p) => closeGates(c, bind(p)),
      openGates: (p) => openGates(c, bind(p)),
      setVerifier: (p) => setVerifier(c, bind(p)),
      setBatchVerifier: (p) => setBatchVerifier(c, bind(p)),
      setPolicy: (p) => setPolicy(c, bind(p)),
      setMaxProofAge: (p) => setMaxProofAge(c, bind(p)),
      addIssuer: (p) => addIssuer(c, bind(p)),
      setIssuerRevoker: (p) => setIssuerRevoker(c, bind(p)),
      removeIssuer: (p) => removeIssuer(c, bind(p)),
      revokeCredential: (p) => revokeCredential(c, bind(p)),
      upgrade: (p) => upgrade(c, bind(p)),
    }
  }
}
