import type { LeanIMT } from '@zk-kit/lean-imt'
import { CURRENT_CIRCUIT_VERSION, type CircuitVersion } from '../credentials/circuit-version.js'
import type { PolicyRules } from '../credentials/types.js'
import { buildJurisdictionTree } from './build-jurisdiction-tree.js'
import { hashPolicy } from './hash-policy.js'

export type Policy = PolicyRules & {
  /** Root of the LeanIMT (Poseidon) over the sorted allowed jurisdictions. */
  jurisdictionRoot: bigint
  /** hashPolicy(rules, circuitVersion): public signal 2 and what the contract registers. */
  hash: bigint
  /** The circuit the hash and the witness input are for. */
  circuitVersion: CircuitVersion
  tree: LeanIMT<bigint>
}

/**
 * Builds a policy: its jurisdiction tree and the hash the verifier contract registers, for a circuit version
 * (default the current one, 2).
 * @example
 * const policy = buildPolicy({ policyId: 1n, minNetCapital: 500_000n, minKycLevel: 2, maxRiskScore: 40, allowedJurisdictions: [276, 250, 840], validityPeriod: 30 * 86_400 })
 */
export function buildPolicy(rules: PolicyRules, circuitVersion: CircuitVersion = CURRENT_CIRCUIT_VERSION): Policy {
  const tree = buildJurisdictionTree(rules.allowedJurisdictions)
  const jurisdictionRoot = tree.root ?? 0n
  const hash = hashPolicy(rules, circuitVersion, jurisdictionRoot)
  return { ...rules, allowedJurisdictions: tree.leaves.map(Number), jurisdictionRoot, hash, circuitVersion, tree }
}
