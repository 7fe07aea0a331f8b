import { hexToBigInt } from 'viem'
import type { Policy } from '../policies/build-policy.js'
import { computeNullifier } from './compute-nullifier.js'
import { packContext } from './pack-context.js'
import { hashIssuerKey } from './hash-issuer-key.js'
import { MAX_JURISDICTION_DEPTH } from './limits.js'
import type { SignedCredential } from './types.js'

export type ComplianceCircuitInput = Record<string, bigint | bigint[]>

export type BuildCircuitInputParameters = {
  credential: SignedCredential
  policy: Policy
  /** Unix seconds the proof speaks for (packed into the `context` public signal). */
  now: bigint
  /** The scope tag, computeScope(chainId, verifier) (packed into `context`, and part of the nullifier). */
  scope: bigint
}

/**
 * The witness input of circuits/compliance.circom for the policy's circuit version (version 2 takes the policy's
 * validityPeriod, version 1 does not know it). It does not check the rules: validate first, or the witness
 * calculator fails with an assertion instead of a readable error.
 */
export function buildCircuitInput({ credential, policy, now, scope }: BuildCircuitInputParameters): ComplianceCircuitInput {
  const a = credential.attributes
  const leafIndex = policy.tree.indexOf(BigInt(a.jurisdiction))
  // Outside the tree: prove against leaf 0 so the circuit (not this function) rejects the jurisdiction.
  const proof = policy.tree.size > 0 ? policy.tree.generateProof(Math.max(leafIndex, 0)) : { index: 0, siblings: [] as bigint[] }
  const subject = hexToBigInt(a.subject)
  const siblings = [...proof.siblings, ...Array<bigint>(MAX_JURISDICTION_DEPTH - proof.siblings.length).fill(0n)]
  return {
    issuerKeyHash: hashIssuerKey(credential.issuerPublicKey),
    nullifier: computeNullifier(a, scope),
    policyHash: policy.hash,
    context: packContext({ subject, now, scopeTag: scope }),
    subject,
    now,
    scopeTag: scope,
    assets: a.assets,
    liabilities: a.liabilities,
    kycLevel: BigInt(a.kycLevel),
    riskScore: BigInt(a.riskScore),
    jurisdiction: BigInt(a.jurisdiction),
    issuedAt: a.issuedAt,
    expiresAt: a.expiresAt,
    salt: a.salt,
    issuerAx: credential.issuerPublicKey[0],
    issuerAy: credential.issuerPublicKey[1],
    sigR8x: credential.signature.R8[0],
    sigR8y: credential.signature.R8[1],
    sigS: credential.signature.S,
    policyId: policy.policyId,
    minNetCapital: policy.minNetCapital,
    minKycLevel: BigInt(policy.minKycLevel),
    maxRiskScore: BigInt(policy.maxRiskScore),
    ...(policy.circuitVersion === 1 ? {} : { validityPeriod: BigInt(policy.validityPeriod) }),
    jurisdictionRoot: policy.jurisdictionRoot,
    jurisdictionDepth: BigInt(proof.siblings.length),
    jurisdictionIndex: BigInt(proof.index),
    jurisdictionSiblings: siblings,
  }
}
