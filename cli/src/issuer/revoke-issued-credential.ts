import type { Account, Address, Chain, Client, Hash, Transport } from 'viem'
import { getChainId } from 'viem/actions'
import { computeNullifier, computeScope, revokeCredential as revokeCredentialAction, type ProofXDeployment } from '@proofx/sdk'
import { CredentialNotFoundError, DeploymentChainMismatchError } from './issuer-errors.js'
import type { IssuanceLedger, IssuanceRecord } from './issuance-ledger.js'

export type RevokeParameters = {
  /** The ledger id of the credential. */
  id: string
  /** The deployment to revoke on: its chain and verifier proxy make the nullifier's scope. */
  deployment: Pick<ProofXDeployment, 'chainId' | 'proxy'>
  /** A wallet client of the issuer's revoker account (or an admin), on the deployment's chain. */
  client: Client<Transport, Chain | undefined, Account>
  /** Milliseconds between receipt polls (default the client's). */
  pollingInterval?: number | undefined
}

export type RevokeResult = {
  record: IssuanceRecord
  nullifier: bigint
  contract: Address
  chainId: number
  /** Null when the contract already had the credential revoked: only the ledger was updated. */
  transactionHash: Hash | null
  alreadyRevoked: boolean
}

/**
 * Revokes an issued credential on one deployment: computes its nullifier for the deployment's scope from the
 * credential hash the ledger kept (computeNullifier(credentialHash, computeScope(chainId, proxy))), sends
 * `revokeCredential` through the SDK action, then marks the ledger. A credential the contract had already revoked
 * is recorded too, without a transaction. Works months later: no attribute value is needed.
 * @example
 * await revokeCredential(ledger, { id, deployment, client: revokerWallet })
 */
export async function revokeCredential(ledger: IssuanceLedger, { id, deployment, client, pollingInterval }: RevokeParameters): Promise<RevokeResult> {
  const record = ledger.get(id)
  if (!record) throw new CredentialNotFoundError({ id, ledger: ledger.location })
  const rpcChainId = await getChainId(client)
  if (rpcChainId !== deployment.chainId) throw new DeploymentChainMismatchError({ deploymentChainId: deployment.chainId, rpcChainId })
  const nullifier = computeNullifier(record.credentialHash, computeScope(deployment.chainId, deployment.proxy))
  let transactionHash: Hash | null = null
  try {
    transactionHash = (
      await revokeCredentialAction(client, {
        address: deployment.proxy,
        issuerKeyHash: record.issuerKeyHash,
        nullifier,
        ...(pollingInterval === undefined ? {} : { pollingInterval }),
      })
    ).hash
  } catch (error) {
    if ((error as Error).name !== 'CredentialAlreadyRevokedError') throw error
  }
  const updated = ledger.recordRevocation(id, {
    chainId: deployment.chainId,
    contract: deployment.proxy,
    nullifier,
    transactionHash,
    revokedAt: Math.floor(Date.now() / 1000),
  })
  return { record: updated, nullifier, contract: deployment.proxy, chainId: deployment.chainId, transactionHash, alreadyRevoked: transactionHash === null }
}
