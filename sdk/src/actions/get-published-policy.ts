import type { Account, Address, Chain, Client, Transport } from 'viem'
import type { ProofXErrorType } from '../errors/base.js'
import {
  PolicyHashMismatchError,
  PolicyValidityMismatchError,
  type PolicyDocumentFetchErrorType,
  type PolicyHashMismatchErrorType,
  type PolicyValidityMismatchErrorType,
} from '../errors/policy.js'
import type { InvalidInputErrorType, OutOfRangeErrorType } from '../errors/validation.js'
import { buildPolicy, type Policy } from '../policies/build-policy.js'
import { fetchPolicyDocument, type FetchPolicyDocumentOptions } from '../policies/fetch-policy-document.js'
import { parsePolicyDocument } from '../policies/parse-policy-document.js'
import type { PolicyDocument } from '../policies/policy-document.js'
import { getPolicy } from './get-policy.js'

export type GetPublishedPolicyParameters = FetchPolicyDocumentOptions & {
  /** The ProofXVerifier proxy. */
  address: Address
  /** The policy document (parsed or JSON), or `{ url }` where it is published (deployment.policyDocuments[name]). */
  document: PolicyDocument | { url: string } | unknown
}

export type GetPublishedPolicyReturnType = {
  document: PolicyDocument
  /** The built policy to prove with: its hash is the one the contract registers. */
  policy: Policy
  /** From the contract: seconds a compliance record stays valid. */
  validityPeriod: number
  /** From the contract: false means submissions under this policy are refused. */
  active: boolean
}

export type GetPublishedPolicyErrorType =
  | PolicyHashMismatchErrorType
  | PolicyValidityMismatchErrorType
  | PolicyDocumentFetchErrorType
  | InvalidInputErrorType
  | OutOfRangeErrorType
  | ProofXErrorType

/**
 * Reads a policy from its published document and checks it against the contract: the document's rules must hash to
 * what `getPolicy(id)` returns, else PolicyHashMismatchError (nothing is proved with rules the contract would reject,
 * or with a document someone altered), and its validity period must be the contract's, else
 * PolicyValidityMismatchError (the contract dates records with its own period, the proof speaks for the document's).
 * Prove with the returned `policy`.
 * @example
 * const { policy } = await getPublishedPolicy(client, { address: deployment.proxy, document: deployment.policyDocuments.accredited })
 * await prover.prove({ credential, policy, subject, chainId, verifier: deployment.proxy })
 */
export async function getPublishedPolicy(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { address, document: given, ...fetchOptions }: GetPublishedPolicyParameters,
): Promise<GetPublishedPolicyReturnType> {
  const isUrl = !!given && typeof given === 'object' && 'url' in given && typeof (given as { url: unknown }).url === 'string'
  const source = isUrl ? (given as { url: string }).url : undefined
  const document = isUrl ? await fetchPolicyDocument(source!, fetchOptions) : parsePolicyDocument(given)
  const onChain = await getPolicy(client, { address, policyId: document.id })
  if (onChain.policyHash !== document.hash)
    throw new PolicyHashMismatchError({
      policyId: document.id,
      name: document.name,
      documentHash: document.hash,
      contractHash: onChain.policyHash,
      address,
      source,
    })
  if (onChain.validityPeriod !== document.validityPeriod)
    throw new PolicyValidityMismatchError({
      policyId: document.id,
      name: document.name,
      documentValidityPeriod: document.validityPeriod,
      contractValidityPeriod: onChain.validityPeriod,
      address,
    })
  return { document, policy: buildPolicy(document.rules, document.circuitVersion), validityPeriod: onChain.validityPeriod, active: onChain.active }
}
