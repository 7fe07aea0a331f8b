import { useConnection } from 'wagmi'
import { useComplianceStatus, useProve, useSubmitProof } from '@proofx/sdk/react'
import type { PolicyRules, SignedCredential } from '@proofx/sdk'

/** The whole holder flow with the ProofX hooks: prove on this device, submit with the connected wallet. */
export function ProveAndSubmit({ credential, policy }: { credential: SignedCredential; policy: PolicyRules }) {
  const { address, chainId } = useConnection()
  const { prove, data: proof, progress, error: proveError, cancel, isPending: proving } = useProve()
  const { submitProof, data: submitted, error: submitError, isPending: submitting } = useSubmitProof()
  const { data: status } = useComplianceStatus({ subject: address, policyId: policy.policyId })

  if (!address) return <p>Connect a wallet first.</p>
  return (
    <div>
      <button disabled={proving} onClick={() => prove({ credential, policy, subject: address, chainId })}>Prove</button>
      {proving && <button onClick={cancel}>Cancel ({progress?.stage})</button>}
      {proof && <p>Proved in {Math.round(proof.timings.total)} ms</p>}
      <button disabled={!proof || submitting} onClick={() => proof && submitProof({ policyId: policy.policyId, proof })}>Submit</button>
      {submitted && <p>Transaction {submitted.hash}</p>}
      {status?.compliant && <p>Compliant until {new Date(Number(status.validUntil) * 1000).toLocaleString()}</p>}
      {(proveError ?? submitError) && <p role="alert">{(proveError ?? submitError)!.shortMessage}</p>}
    </div>
  )
}
