import type { GetPublishedPolicyData } from '@proofx/sdk/react'
import { ErrorNotice } from './ErrorNotice.js'

/**
 * Step 3: which published policy to prove against. The rules come from the deployment's policy documents, checked
 * against the hash the contract registers (usePublishedPolicy); the page has none of its own.
 */
export function PolicyPicker({
  names,
  value,
  onChange,
  published,
  error,
}: {
  names: string[]
  value: string
  onChange(name: string): void
  published: GetPublishedPolicyData | undefined
  error: unknown
}) {
  const document = published?.document
  return (
    <section className="card" data-testid="policy-panel">
      <h2>3. Choose a policy</h2>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="policy-select" aria-label="Policy">
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      {document && (
        <p className="muted" data-testid="policy-description">
          {document.description} (id {document.id.toString()}, version {document.version}; net capital ≥ {document.rules.minNetCapital.toLocaleString()}, KYC
          level ≥ {document.rules.minKycLevel}, risk score ≤ {document.rules.maxRiskScore}, {document.rules.allowedJurisdictions.length} jurisdictions.){' '}
          <span data-testid="policy-verified">Matches the contract's policy hash{published.active ? '' : ', but the policy is inactive'}.</span>
        </p>
      )}
      {names.length === 0 && <p className="muted">This deployment publishes no policy documents.</p>}
      <ErrorNotice error={error} testId="policy-error" />
    </section>
  )
}
