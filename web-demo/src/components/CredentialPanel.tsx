import { serializeCredential } from '@proofx/sdk'
import { useState } from 'react'
import type { Address } from 'viem'
import { issueSampleCredential, SAMPLE_PROFILES, type SampleProfile } from '../lib/sample-credentials.js'

/**
 * Step 2: a credential. The in-page demo issuer signs a sample for the connected address, or the
 * visitor pastes one (JSON as serializeCredential writes it). The text stays in this tab.
 */
export function CredentialPanel({ subject, value, onChange }: { subject: Address | undefined; value: string; onChange(json: string): void }) {
  const [profile, setProfile] = useState<SampleProfile>('qualifies')
  return (
    <section className="card" data-testid="credential-panel">
      <h2>2. Get a credential</h2>
      <div className="row">
        <select value={profile} onChange={(e) => setProfile(e.target.value as SampleProfile)} data-testid="sample-profile" aria-label="Sample credential profile">
          {Object.entries(SAMPLE_PROFILES).map(([key, p]) => (
            <option key={key} value={key}>
              {p.label}
            </option>
          ))}
        </select>
        <button disabled={!subject} onClick={() => subject && onChange(serializeCredential(issueSampleCredential(subject, profile)))} data-testid="issue-sample">
          Get a sample credential from the demo issuer
        </button>
      </div>
      {!subject && <p className="muted">Connect a wallet first: the credential is issued to your address.</p>}
      <p className="muted">The demo issuer's key is public and trusted only by this demo deployment. Or paste a credential:</p>
      <textarea rows={7} value={value} onChange={(e) => onChange(e.target.value)} placeholder='{"attributes": {...}, "issuerPublicKey": [...], "signature": {...}}' data-testid="credential-json" aria-label="Credential JSON" spellCheck={false} />
    </section>
  )
}
