import type { ComplianceStatusReason, Policy, SignedCredential } from '@proofx/sdk'
import { useEffect } from 'react'
import { usePublicClient } from 'wagmi'
import type { Address } from 'viem'
import { useComplianceStatus, useProve, useSubmitProof } from '@proofx/sdk/react'
import { ErrorNotice } from './ErrorNotice.js'
import { formatDate, formatMs, shortHex } from '../lib/format.js'

const STAGES = ['validating', 'loading-artifacts', 'witness', 'proving', 'verifying', 'done'] as const
const STAGE_LABELS: Record<string, string> = {
  validating: 'Checking the credential against the policy',
  'loading-artifacts': 'Loading the circuit (wasm + zkey)',
  witness: 'Computing the witness',
  proving: 'Proving (Groth16)',
  verifying: 'Verifying the proof locally',
  done: 'Done',
}

const REASON_LABELS: Partial<Record<ComplianceStatusReason, string>> = {
  'no-record': 'no record',
  'policy-inactive': 'policy inactive',
  'gates-closed': 'gates closed by the operator',
  'generation-voided': 'record voided by a verifier upgrade: prove again',
  invalidated: 'revoked or issuer removed',
}

/** Steps 4 and 5: prove in the browser (progress, time, cancel), then submit and show the on-chain status. */
export function ProveSubmitPanel({
  subject,
  credential,
  credentialId,
  policyName,
  policy,
  chainId,
  verifier,
  wrongNetwork,
}: {
  subject: Address | undefined
  credential: SignedCredential | undefined
  credentialId: string | undefined
  policyName: string
  policy: Policy | undefined
  chainId: number
  verifier: Address
  wrongNetwork: boolean
}) {
  const prove = useProve()
  const submit = useSubmitProof()
  const status = useComplianceStatus({ subject, policyId: policy?.policyId, chainId, address: verifier })
  const client = usePublicClient({ chainId })

  // A new credential or policy makes the previous proof and submission stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new credential or policy only (the mutation objects change every render)
  useEffect(() => {
    prove.reset()
    submit.reset()
  }, [credentialId, policyName])

  const onProve = async () => {
    submit.reset()
    // Date the proof by the chain's clock, not the device's: the contract refuses proofs from its future.
    const now = await client?.getBlock().then(
      (block) => block.timestamp,
      () => undefined,
    )
    // Only a published policy whose hash the contract registers (checked by usePublishedPolicy) is proved against.
    if (policy && credential) prove.prove({ credential, policy, chainId, address: verifier, subject, now })
  }

  const stage = prove.progress?.stage
  const stageIndex = stage ? STAGES.indexOf(stage as (typeof STAGES)[number]) : -1
  const percent = prove.isSuccess ? 100 : stageIndex < 0 ? 0 : Math.round((stageIndex / (STAGES.length - 1)) * 100)
  const compliant = status.data?.compliant

  return (
    <>
      <section className="card" data-testid="prove-panel">
        <h2>4. Prove on this device</h2>
        <div className="row">
          <button type="button" onClick={onProve} disabled={!subject || !credential || !policy || prove.isPending} data-testid="prove">
            Prove
          </button>
          {prove.isPending && (
            <button type="button" className="secondary" onClick={() => prove.cancel()} data-testid="cancel-prove">
              Cancel
            </button>
          )}
        </div>
        {(prove.isPending || prove.isSuccess) && (
          <>
            <div className="progress" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
              <div style={{ width: `${percent}%` }} />
            </div>
            <p className="muted" data-testid="prove-stage">
              {prove.isSuccess ? 'Proof ready' : STAGE_LABELS[stage ?? 'validating']}
              {prove.progress ? ` · ${formatMs(prove.progress.elapsed)}` : ''}
            </p>
          </>
        )}
        {prove.data && (
          <div className="success" data-testid="proof-ready">
            Proof ready in <strong data-testid="prove-time">{formatMs(prove.data.timings.total)}</strong>
            <span className="muted">
              {' '}
              (witness {formatMs(prove.data.timings.witness)}, prove {formatMs(prove.data.timings.prove)}, verify {formatMs(prove.data.timings.verify)}
              {prove.data.timings.loadArtifacts > 0 ? `, load ${formatMs(prove.data.timings.loadArtifacts)}` : ''})
            </span>
            <div className="muted">
              Nullifier {shortHex(`0x${prove.data.signals.nullifier.toString(16)}`, 8)}. Only the proof and the public signals leave this page.
            </div>
          </div>
        )}
        <ErrorNotice error={prove.error} testId="prove-error" />
      </section>

      <section className="card" data-testid="submit-panel">
        <h2>5. Submit on-chain</h2>
        <button
          type="button"
          onClick={() => prove.data && policy && submit.submitProof({ policyId: policy.policyId, proof: prove.data, chainId, address: verifier })}
          disabled={!prove.data || submit.isPending || wrongNetwork}
          data-testid="submit"
        >
          {submit.isPending ? 'Submitting…' : 'Submit proof'}
        </button>
        {wrongNetwork && <p className="muted">Switch your wallet to chain {chainId} first.</p>}
        {submit.data && (
          <div className="success">
            Transaction <code data-testid="tx-hash">{submit.data.hash}</code> mined in block {submit.data.receipt.blockNumber.toString()}.
          </div>
        )}
        <ErrorNotice error={submit.error} testId="submit-error" />
        <p data-testid="compliance-status">
          {status.data === undefined ? (
            <span className="muted">{subject ? 'Reading status…' : 'Connect to see your status.'}</span>
          ) : compliant ? (
            <strong data-testid="compliant-until" style={{ color: '#14532d' }}>
              Compliant until {formatDate(status.data.validUntil!)} ({policyName})
            </strong>
          ) : (
            <span>
              Not compliant with {policyName} ({REASON_LABELS[status.data.reason] ?? status.data.reason}).
            </span>
          )}
        </p>
      </section>
    </>
  )
}
