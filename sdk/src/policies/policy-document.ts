import type { CircuitVersion } from '../credentials/circuit-version.js'
import type { PolicyRules } from '../credentials/types.js'

/**
 * A published policy: the rules a dApp proves against, with what people and tools need to know about them. The
 * contract stores `hash` (hashPolicy: Poseidon over the id, the rules and the validity period) and the validity
 * period under `id`; a document whose rules hash differently, or whose validity period differs from the contract's,
 * is refused before proving (getPublishedPolicy).
 */
export type PolicyDocument = {
  /** The on-chain policy id. */
  id: bigint
  /** Short name, e.g. "accredited": the key deployment files list it under. */
  name: string
  /** The publisher's revision number; a change of rules needs a new version and a new `setPolicy`. */
  version: number
  /** What the policy requires, in words. */
  description: string
  /** Seconds a compliance record stays valid after its proof: what `setPolicy` registers, committed in the hash. */
  validityPeriod: number
  /** The circuit version `hash` is for: 2 (current) unless the document says 1. */
  circuitVersion: CircuitVersion
  /** The rules, with `policyId` = `id` and the document's `validityPeriod`. */
  rules: PolicyRules
  /** hashPolicy(rules, circuitVersion): what the contract stores. */
  hash: bigint
}

/** A policy document as JSON carries it: bigints as decimal strings, rules without the id. */
export type PolicyDocumentJson = {
  id: string
  name: string
  version: number
  description: string
  validityPeriod: number
  /** Absent means 2, the current circuit. */
  circuitVersion?: CircuitVersion | undefined
  rules: { minNetCapital: string; minKycLevel: number; maxRiskScore: number; allowedJurisdictions: number[] }
  hash: string
}
