import type { Address } from 'viem'
import { ProofXError } from './base.js'

export type PolicyHashMismatchErrorType = PolicyHashMismatchError & { name: 'PolicyHashMismatchError' }
/**
 * The policy document's rules do not hash to what the verifier registers under its id (or nothing is registered):
 * a proof made with them would be rejected on-chain, and the document may have been tampered with. Found before proving.
 */
export class PolicyHashMismatchError extends ProofXError {
  override name = 'PolicyHashMismatchError' as const
  readonly field = 'policyDocument.hash'
  readonly policyId: bigint
  readonly documentHash: bigint
  readonly contractHash: bigint
  readonly source: string | undefined
  constructor({
    policyId,
    name,
    documentHash,
    contractHash,
    address,
    source,
  }: { policyId: bigint; name: string; documentHash: bigint; contractHash: bigint; address: Address; source?: string | undefined }) {
    super(
      contractHash === 0n
        ? `Policy ${policyId} ("${name}") is not registered on the verifier ${address}; refusing to prove with its document.`
        : `The policy document "${name}" does not match policy ${policyId} on the verifier ${address}; refusing to prove with it.`,
      {
        details: `document${source ? ` (${source})` : ''} hashes to ${documentHash}, the contract stores ${contractHash}.`,
        metaMessages:
          contractHash === 0n
            ? ['Check the policy id, the chain and the verifier address, or ask the admin to register the policy (proofx policy set).']
            : [
                'Use the document the deployment publishes for this policy. If the policy changed, the publisher must ship the new document (a new version) with the new setPolicy.',
              ],
      },
    )
    this.policyId = policyId
    this.documentHash = documentHash
    this.contractHash = contractHash
    this.source = source
  }
}

export type PolicyValidityMismatchErrorType = PolicyValidityMismatchError & { name: 'PolicyValidityMismatchError' }
/**
 * The contract registers another validity period for the policy than its document states. Circuit version 2 proves
 * the credential lasts the document's period (it is in the policy hash) while the contract dates the record with its
 * own: a longer on-chain period would let the record outlive the credential. Found before proving.
 */
export class PolicyValidityMismatchError extends ProofXError {
  override name = 'PolicyValidityMismatchError' as const
  readonly field = 'policyDocument.validityPeriod'
  readonly policyId: bigint
  readonly documentValidityPeriod: number
  readonly contractValidityPeriod: number
  constructor({
    policyId,
    name,
    documentValidityPeriod,
    contractValidityPeriod,
    address,
  }: { policyId: bigint; name: string; documentValidityPeriod: number; contractValidityPeriod: number; address: Address }) {
    super(`The policy document "${name}" states another validity period than policy ${policyId} on the verifier ${address}; refusing to prove with it.`, {
      details: `document validityPeriod ${documentValidityPeriod} s, the contract's ${contractValidityPeriod} s (rule: they must be equal).`,
      metaMessages: ["The admin must register the document's validity period with its hash (proofx policy set), or publish a document for the registered one."],
    })
    this.policyId = policyId
    this.documentValidityPeriod = documentValidityPeriod
    this.contractValidityPeriod = contractValidityPeriod
  }
}

export type PolicyDocumentNotFoundErrorType = PolicyDocumentNotFoundError & { name: 'PolicyDocumentNotFoundError' }
/** The deployment lists no policy document under that name. */
export class PolicyDocumentNotFoundError extends ProofXError {
  override name = 'PolicyDocumentNotFoundError' as const
  readonly field = 'policyDocuments'
  readonly policyName: string
  constructor({ policyName, chainId, available }: { policyName: string; chainId: number; available: readonly string[] }) {
    super(`The deployment on chain ${chainId} publishes no policy document named "${policyName}".`, {
      details: `Published: ${available.length ? available.join(', ') : 'none'}.`,
      metaMessages: ['List the document in the deployment file (policyDocuments), or pass the document itself.'],
    })
    this.policyName = policyName
  }
}

export type PolicyDocumentFetchErrorType = PolicyDocumentFetchError & { name: 'PolicyDocumentFetchError' }
/** A policy document could not be downloaded or is not JSON. */
export class PolicyDocumentFetchError extends ProofXError {
  override name = 'PolicyDocumentFetchError' as const
  readonly source: string
  constructor({ source, reason, cause }: { source: string; reason: string; cause?: unknown }) {
    super(`Could not load the policy document from ${source}.`, {
      details: reason,
      cause,
      metaMessages: ['Check the URL, and that the server allows this origin (CORS).'],
    })
    this.source = source
  }
}
