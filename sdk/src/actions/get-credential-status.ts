import type { Account, Address, BlockNumber, Chain, Client, Transport } from 'viem'
import { getBlock, readContract } from 'viem/actions'
import { proofXVerifierAbi } from '../chain/abi.js'
import { computeNullifier } from '../credentials/compute-nullifier.js'
import { hashIssuerKey } from '../credentials/hash-issuer-key.js'
import type { SignedCredential } from '../credentials/types.js'
import type { ProofXErrorType } from '../errors/base.js'

export type GetCredentialStatusParameters = {
  /** The ProofXVerifier proxy. */
  address: Address
  /** The holder's credential. Only its issuer-key hash and its nullifier for this deployment are sent to the node. */
  credential: Pick<SignedCredential, 'attributes' | 'issuerPublicKey'>
  /** Read at this block instead of the latest. */
  blockNumber?: BlockNumber | undefined
}

/**
 * - `active`: the issuer is trusted and the credential is not revoked on this deployment.
 * - `revoked`: the issuer's revoker (or an admin) revoked it: no proof with it counts here any more.
 * - `issuer-not-trusted`: its issuer was never added, or was removed, on this deployment.
 */
export type CredentialStatus = 'active' | 'revoked' | 'issuer-not-trusted'

export type GetCredentialStatusReturnType = {
  status: CredentialStatus
  revoked: boolean
  issuerTrusted: boolean
  issuerKeyHash: bigint
  /** Poseidon(credentialHash, scope): what `revokeCredential` and ProofVerified name for this credential here. */
  nullifier: bigint
  blockNumber: bigint
}

export type GetCredentialStatusErrorType = ProofXErrorType

/**
 * A credential's standing on one deployment: revoked, from an untrusted issuer, or active. The scope comes from the
 * contract itself (`scope()`), so the nullifier is the one its proofs carry. Reads are pinned to one block.
 * Expiry is not on-chain: compare `attributes.expiresAt` with the clock (the credential store lists it as `validity`).
 * @example
 * const { status } = await getCredentialStatus(client, { address: deployment.proxy, credential })
 * if (status === 'revoked') // ask the issuer for a new credential
 */
export async function getCredentialStatus(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { address, credential, blockNumber }: GetCredentialStatusParameters,
): Promise<GetCredentialStatusReturnType> {
  const block = blockNumber === undefined ? await getBlock(client, { blockTag: 'latest' }) : await getBlock(client, { blockNumber })
  const at = { blockNumber: block.number }
  const issuerKeyHash = hashIssuerKey(credential.issuerPublicKey)
  const scope = await readContract(client, { address, abi: proofXVerifierAbi, functionName: 'scope', ...at })
  const nullifier = computeNullifier(credential.attributes, scope)
  const [revoked, issuerTrusted] = await Promise.all([
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'isRevoked', args: [issuerKeyHash, nullifier], ...at }),
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'isTrustedIssuer', args: [issuerKeyHash], ...at }),
  ])
  const status: CredentialStatus = revoked ? 'revoked' : issuerTrusted ? 'active' : 'issuer-not-trusted'
  return { status, revoked, issuerTrusted, issuerKeyHash, nullifier, blockNumber: block.number }
}
