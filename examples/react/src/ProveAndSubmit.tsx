import { useConnection } from 'wagmi'
import { useComplianceStatus, useProve, usePublishedPolicy, useSubmitProof } from '@proofx/sdk/react'
import type { PublishedPolicyDocument, SignedCredential } from '@proofx/sdk'

/**
 * The whole holder flow with the ProofX hooks: read the published policy (checked against the contract), prove on
 * this device, submit with the connected wallet.
 */
export function ProveAndSubmit({ credential, policyDocument }: { credential: SignedCredential; policyDocument: PublishedPolicyDocument | undefined }) {
  const { address, chainId } = useConnection()
  const { data: published, error: policyError } = usePublishedPolicy({ document: policyDocument })
  const policy = published?.policy
  const { prove, data: proof, progress, error: proveError, cancel, isPending: proving } = useProve()
  const { submitProof, data: submitted, error: submitError, isPending: submitting } = useSubmitProof()
  const { data: status } = useComplianceStatus({ subject: address, policyId: policy?.policyId })

  if (!address) return <p>Connect a wallet first.</p>
  const error = policyError ?? proveError ?? submitError
  return (
    <div>
      {published && <p>{published.document.description}</p>}
      <button type="button" disabled={proving || !policy} onClick={() => policy && prove({ credential, policy, subject: address, chainId })}>
        Prove
      </button>
      {proving && (
        <button type="button" onClick={cancel}>
          Cancel ({progress?.stage})
        </button>
      )}
      {proof && <p>Proved in {Math.round(proof.timings.total)} ms</p>}
      <button type="button" disabled={!proof || !policy || submitting} onClick={() => proof && policy && submitProof({ policyId: policy.policyId, proof })}>
        Submit
      </button>
      {submitted && <p>Transaction {submitted.hash}</p>}
      {status?.compliant && <p>Compliant until {new Date(Number(status.validUntil) * 1000).toLocaleString()}</p>}
      {error && <p role="alert">{error.shortMessage}</p>}
    </div>
  )
}
