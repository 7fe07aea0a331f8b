import type { CredentialStatus, CredentialSummary } from '@proofx/sdk'
import { useCredentialStatus } from '@proofx/sdk/react'
import type { Address } from 'viem'
import { formatDate } from '../lib/format.js'

/** What the row says first: the chain's verdict when it refuses the credential, else its validity dates. */
export type ShownCredentialStatus = CredentialSummary['validity'] | Exclude<CredentialStatus, 'active'>

const LABELS: Record<ShownCredentialStatus, string> = {
  valid: 'valid',
  expiring: 'expires soon',
  expired: 'expired',
  'not-yet-valid': 'not valid yet',
  revoked: 'revoked by its issuer',
  'issuer-not-trusted': 'issuer not trusted here',
}

/**
 * A stored credential's one status. Revoked on this deployment, or from an issuer it does not trust, outranks the
 * dates: a revoked credential is never also shown as "valid". The chain side (isRevoked / isTrustedIssuer) is
 * refreshed when the issuer revokes one of its credentials; only the issuer-key hash and this deployment's nullifier
 * are sent to the node, never an attribute. `data-chain-status` says what the chain answered (or loading/unknown).
 */
export function CredentialStatusCell({ summary, chainId, verifier }: { summary: CredentialSummary; chainId: number; verifier: Address }) {
  const { data, error, isPending } = useCredentialStatus({ credential: summary.credential, chainId, address: verifier })
  const chain = error ? 'unknown' : isPending || !data ? 'loading' : data.status
  const status: ShownCredentialStatus = chain === 'revoked' || chain === 'issuer-not-trusted' ? chain : summary.validity
  const note = { unknown: 'on-chain status unavailable', loading: 'checking on-chain…', active: 'not revoked', revoked: null, 'issuer-not-trusted': null }[
    chain
  ]
  return (
    <>
      <span
        data-testid="credential-status"
        data-status={status}
        data-chain-status={chain}
        style={{ color: status === 'valid' ? '#14532d' : '#b42318' }}
        title={data ? `nullifier ${data.nullifier} at block ${data.blockNumber}` : error?.message}
      >
        {LABELS[status]}
      </span>
      <div className="muted">
        until {formatDate(summary.credential.attributes.expiresAt)}
        {note && ` · ${note}`}
      </div>
    </>
  )
}
