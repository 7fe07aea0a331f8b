import type { PolicyRules } from '../credentials/types.js'

/**
 * A published policy: the rules a dApp proves against, with what people and tools need to know about them. The
 * contract stores only `hash` (Poseidon over the id and the rules, see buildPolicy) under `id`; a document whose
 * rules hash differently from what the contract registers is refused before proving (getPublishedPolicy).
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
  /** Seconds a compliance record stays valid after its proof (what `setPolicy` registers), if the publisher says. */
  validityPeriod?: number | undefined
  /** The rules, with `policyId` = `id`. */
  rules: PolicyRules
  /** buildPolicy(rules).hash: what the contract stores. */
  hash: bigint
}

/** A policy document as JSON carries it: bigints as decimal strings, rules without the id. */
export type PolicyDocumentJson = {
  id: string
  name: string
  version: number
  description: string
  validityPeriod?: number | undefined
  rules: { minNetCapital: string; minKycLevel: number; maxRiskScore: number; allowedJurisdictions: number[] }
  hash: string
}
