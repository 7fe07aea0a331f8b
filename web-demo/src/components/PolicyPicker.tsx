import { DEMO_POLICIES } from '@proofx/sdk/demo'

export type DemoPolicyKey = keyof typeof DEMO_POLICIES

/** Step 3: which registered policy to prove against. */
export function PolicyPicker({ value, onChange }: { value: DemoPolicyKey; onChange(key: DemoPolicyKey): void }) {
  const policy = DEMO_POLICIES[value]
  return (
    <section className="card" data-testid="policy-panel">
      <h2>3. Choose a policy</h2>
      <select value={value} onChange={(e) => onChange(e.target.value as DemoPolicyKey)} data-testid="policy-select" aria-label="Policy">
        {Object.entries(DEMO_POLICIES).map(([key, p]) => (
          <option key={key} value={key}>
            {key} (id {p.policyId.toString()})
          </option>
        ))}
      </select>
      <p className="muted">
        Net capital ≥ {policy.minNetCapital.toLocaleString()}, KYC level ≥ {policy.minKycLevel}, risk score ≤ {policy.maxRiskScore}, {policy.allowedJurisdictions.length} allowed jurisdictions.
      </p>
    </section>
  )
}
