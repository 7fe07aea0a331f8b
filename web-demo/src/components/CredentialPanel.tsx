import { CREDENTIAL_LINK_PARAMETER } from '@proofx/sdk'
import { useCredentialStore } from '@proofx/sdk/react'
import { useEffect, useRef, useState } from 'react'
import type { Address } from 'viem'
import { CredentialStatusCell } from './CredentialStatusCell.js'
import { ErrorNotice } from './ErrorNotice.js'
import { shortHex } from '../lib/format.js'
import { issueSampleCredential, SAMPLE_PROFILES, type SampleProfile } from '../lib/sample-credentials.js'

/**
 * Step 2: the visitor's credentials, kept in this browser only (IndexedDB, AES-GCM under a non-extractable device
 * key). Import from the issuer's link (the credential rides in the URL fragment, which no request carries), a file
 * or pasted JSON, or get a sample from the in-page demo issuer; then pick the one to prove with.
 */
export function CredentialPanel({
  subject,
  selectedId,
  onSelect,
  chainId,
  verifier,
}: {
  subject: Address | undefined
  selectedId: string | undefined
  onSelect(id: string | undefined): void
  chainId: number
  verifier: Address
}) {
  const { credentials, importCredential, deleteCredential } = useCredentialStore()
  const [profile, setProfile] = useState<SampleProfile>('qualifies')
  const [pasted, setPasted] = useState('')
  const linkHandled = useRef(false)
  const list = credentials.data?.credentials ?? []

  const importAndSelect = (variables: Parameters<typeof importCredential.mutateAsync>[0]) =>
    importCredential.mutateAsync(variables).then(
      (result) => {
        if (result) onSelect(result.id)
        return result
      },
      () => undefined,
    )

  // A link from the issuer: import the credential from the fragment once, then drop the fragment from the address bar.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once on mount, by design
  useEffect(() => {
    if (linkHandled.current || !location.hash.includes(CREDENTIAL_LINK_PARAMETER)) return
    linkHandled.current = true
    const link = location.href
    history.replaceState(null, '', location.pathname + location.search)
    importAndSelect({ link })
  }, [])

  // Keep a valid selection: the newest credential when none (or a deleted one) is selected.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the stored list or the selection changes, not on every new callback
  useEffect(() => {
    if (!credentials.data) return
    if (!selectedId || !list.some((c) => c.id === selectedId)) onSelect(list[0]?.id)
  }, [credentials.data, selectedId])

  return (
    <section className="card" data-testid="credential-panel">
      <h2>2. Your credentials</h2>
      {list.length === 0 ? (
        <p className="muted" data-testid="no-credentials">
          {credentials.isPending ? "Opening this browser's credential store…" : 'No credential stored in this browser yet.'}
        </p>
      ) : (
        <table data-testid="credential-list">
          <tbody>
            {list.map((c) => (
              <tr key={c.id} data-testid="credential-item" data-credential-id={c.id} data-validity={c.validity}>
                <td>
                  <input
                    type="radio"
                    name="credential"
                    checked={c.id === selectedId}
                    onChange={() => onSelect(c.id)}
                    aria-label={`Prove with ${c.label ?? c.id}`}
                    data-testid="credential-choice"
                  />
                </td>
                <td>
                  <strong>{c.label ?? `From ${c.source}`}</strong>
                  <div className="muted">
                    for <code>{shortHex(c.subject)}</code>
                    {subject && c.subject.toLowerCase() !== subject.toLowerCase() ? ' (not your connected account)' : ''} · issuer{' '}
                    {shortHex(`0x${c.issuerKeyHash.toString(16)}`, 5)}
                  </div>
                </td>
                <td className="nowrap">
                  <CredentialStatusCell summary={c} chainId={chainId} verifier={verifier} />
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => deleteCredential.mutate(c.id)} data-testid="delete-credential">
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(credentials.data?.unreadable.length ?? 0) > 0 && (
        <p className="error">{credentials.data!.unreadable.length} stored credential(s) no longer decrypt on this device; delete and import them again.</p>
      )}

      <h3 style={{ fontSize: 14, marginBottom: 4 }}>Add one</h3>
      <div className="row">
        <select
          value={profile}
          onChange={(e) => setProfile(e.target.value as SampleProfile)}
          data-testid="sample-profile"
          aria-label="Sample credential profile"
        >
          {Object.entries(SAMPLE_PROFILES).map(([key, p]) => (
            <option key={key} value={key}>
              {p.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!subject}
          onClick={() =>
            subject &&
            importAndSelect({ json: issueSampleCredential(subject, profile), source: 'issuer', label: `Demo issuer sample: ${SAMPLE_PROFILES[profile].label}` })
          }
          data-testid="issue-sample"
        >
          Get a sample credential from the demo issuer
        </button>
      </div>
      {!subject && <p className="muted">Connect a wallet first: the sample is issued to your address.</p>}
      <p className="muted">
        The demo issuer's key is public and trusted only by this demo deployment. Or import the credential your issuer sent (a file, or open their link):
      </p>
      <div className="row">
        <input
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          aria-label="Credential file"
          onChange={(e) => e.target.files?.[0] && importAndSelect({ file: e.target.files[0] }).then(() => (e.target.value = ''))}
        />
      </div>
      <textarea
        rows={4}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
        placeholder='Paste a credential: {"attributes": {...}, "issuerPublicKey": [...], "signature": {...}}'
        data-testid="credential-json"
        aria-label="Credential JSON"
        spellCheck={false}
      />
      <button
        type="button"
        disabled={!pasted.trim() || importCredential.isPending}
        onClick={() => importAndSelect({ json: pasted, source: 'paste' }).then((r) => r && setPasted(''))}
        data-testid="import-paste"
      >
        Import pasted credential
      </button>
      <p className="muted">Stored encrypted in this browser only; never sent anywhere. Only proofs leave this page.</p>
      <ErrorNotice error={importCredential.error ?? deleteCredential.error ?? credentials.error} testId="import-error" />
    </section>
  )
}
