import type { Account, Address, BlockNumber, Chain, Client, Transport } from 'viem'
import { getBlock, readContract } from 'viem/actions'
import { proofXVerifierAbi } from '../chain/abi.js'
import type { ProofXErrorType } from '../errors/base.js'

export type GetComplianceStatusParameters = {
  /** The ProofXVerifier proxy. */
  address: Address
  subject: Address
  policyId: bigint
  /** Read at this block instead of the latest. */
  blockNumber?: BlockNumber | undefined
}

/**
 * - `compliant`: the contract's isCompliant is true.
 * - `no-record`: the subject never proved this policy.
 * - `expired`: the record's validity ended (validUntil <= block time): prove again.
 * - `policy-inactive`: the admin deactivated the policy.
 * - `gates-closed`: the operator closed the gates during an incident; nothing counts until they open.
 * - `generation-voided`: the record was proven under a verifier whose records the admin voided: prove again.
 * - `invalidated`: the credential was revoked or its issuer removed.
 */
export type ComplianceStatusReason = 'compliant' | 'no-record' | 'expired' | 'policy-inactive' | 'gates-closed' | 'generation-voided' | 'invalidated'

export type GetComplianceStatusReturnType = {
  compliant: boolean
  reason: ComplianceStatusReason
  /** Unix seconds the record is valid until (exclusive); undefined without a record. */
  validUntil: bigint | undefined
  /** The timestamp of the block the status was read at. */
  checkedAt: bigint
  blockNumber: bigint
}

export type GetComplianceStatusErrorType = ProofXErrorType

/**
 * Whether `subject` is compliant with `policyId`, until when, and if not, why. All reads are pinned to one
 * block so they agree with each other.
 * @example
 * const status = await getComplianceStatus(client, { address: deployment.proxy, subject: account.address, policyId: 1n })
 * if (!status.compliant && status.reason === 'expired') // prove again
 */
export async function getComplianceStatus(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { address, subject, policyId, blockNumber }: GetComplianceStatusParameters,
): Promise<GetComplianceStatusReturnType> {
  const block = blockNumber === undefined ? await getBlock(client, { blockTag: 'latest' }) : await getBlock(client, { blockNumber })
  const at = { blockNumber: block.number }
  const [compliant, record, policy, gatesClosed, validFromGeneration] = await Promise.all([
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'isCompliant', args: [subject, policyId], ...at }),
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'getComplianceRecord', args: [subject, policyId], ...at }),
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'getPolicy', args: [policyId], ...at }),
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'gatesClosed', ...at }),
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'validFromGeneration', ...at }),
  ])
  const hasRecord = record.expiresAt !== 0
  const validUntil = hasRecord ? BigInt(record.expiresAt) : undefined
  const reason: ComplianceStatusReason = compliant
    ? 'compliant'
    : !hasRecord
      ? 'no-record'
      : validUntil! <= block.timestamp
        ? 'expired'
        : gatesClosed
          ? 'gates-closed'
          : record.verifierGeneration < validFromGeneration
            ? 'generation-voided'
            : !policy.active
              ? 'policy-inactive'
              : 'invalidated'
  return { compliant, reason, validUntil, checkedAt: block.timestamp, blockNumber: block.number }
}
