import type { Account, Address, Chain, Client, Hash, Transport } from 'viem'
import { InvalidInputError, setPolicy, type PolicyDocument } from '@proofx/sdk'

export type SetPolicyDocumentParameters = {
  /** The ProofXVerifier proxy. */
  address: Address
  document: PolicyDocument
  /** Seconds a compliance record stays valid; needed when the document states none, refused if it differs. */
  validityPeriod?: number | undefined
  /** Default true; false registers the policy switched off. */
  active?: boolean | undefined
}

export type SetPolicyDocumentReturnType = { transactionHash: Hash; policyId: bigint; policyHash: bigint; validityPeriod: number; active: boolean }

/**
 * Registers a published policy document on-chain with the SDK's setPolicy action: its id, the hash
 * parsePolicyDocument computed, and its validity period. Needs DEFAULT_ADMIN_ROLE.
 */
export async function setPolicyDocument(
  client: Client<Transport, Chain | undefined, Account>,
  { address, document, validityPeriod, active = true }: SetPolicyDocumentParameters,
): Promise<SetPolicyDocumentReturnType> {
  if (document.validityPeriod !== undefined && validityPeriod !== undefined && validityPeriod !== document.validityPeriod)
    throw new InvalidInputError({
      field: '--validity-period',
      rule: `differs from the document's validityPeriod (${document.validityPeriod}); change the document instead`,
    })
  const period = document.validityPeriod ?? validityPeriod
  if (period === undefined)
    throw new InvalidInputError({ field: 'policyDocument.validityPeriod', rule: 'is required (in the document, or --validity-period <seconds>)' })
  const { hash } = await setPolicy(client, { address, policyId: document.id, policyHash: document.hash, validityPeriod: period, active })
  return { transactionHash: hash, policyId: document.id, policyHash: document.hash, validityPeriod: period, active }
}
