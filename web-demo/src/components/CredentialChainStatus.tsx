import type { CredentialStatus, SignedCredential } from '@proofx/sdk'
import { useCredentialStatus } from '@proofx/sdk/react'
import type { Address } from 'viem'

const LABELS: Record<CredentialStatus, string> = { active: 'not revoked', revoked: 'revoked by its issuer', 'issuer-not-trusted': 'issuer not trusted here' }

/**
 * A stored credential's standing on the verifier: revoked, from an issuer this deployment does not trust, or not
 * revoked. Read from the chain (isRevoked / isTrustedIssuer), refreshed when the issuer revokes one of its credentials;
 * only the issuer-key hash and this deployment's nullifier are sent to the node, never an attribute.
 */
export function CredentialChainStatus({ credential, chainId, verifier }: { credential: SignedCredential; chainId: number; verifier: Address }) {
  const { data, error, isPending } = useCredentialStatus({ credential, chainId, address: verifier })
  if (error)
    return (
      <div className="muted" data-testid="credential-chain-status" data-status="unknown" title={error.message}>
        on-chain status unavailable
      </div>
    )
  if (isPending || !data)
    return (
      <div className="muted" data-testid="credential-chain-status" data-status="loading">
        checking on-chain…
      </div>
    )
  return (
    <div
      data-testid="credential-chain-status"
      data-status={data.status}
      style={{ color: data.status === 'active' ? '#14532d' : '#b42318' }}
      title={`nullifier ${data.nullifier} at block ${data.blockNumber}`}
    >
      {LABELS[data.status]}
    </div>
  )
}
