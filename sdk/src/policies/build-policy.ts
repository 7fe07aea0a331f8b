import { LeanIMT } from '@zk-kit/lean-imt'
import { poseidon2 } from 'poseidon-lite/poseidon2'
import { poseidon5 } from 'poseidon-lite/poseidon5'
import type { PolicyRules } from '../credentials/types.js'

export type Policy = PolicyRules & {
  /** Root of the LeanIMT (Poseidon) over the sorted allowed jurisdictions. */
  jurisdictionRoot: bigint
  /** Poseidon(policyId, minNetCapital, minKycLevel, maxRiskScore, jurisdictionRoot): public signal 2. */
  hash: bigint
  tree: LeanIMT<bigint>
}

/**
 * Builds a policy: its jurisdiction tree and the hash the verifier contract registers.
 * @example
 * const policy = buildPolicy({ policyId: 1n, minNetCapital: 500_000n, minKycLevel: 2, maxRiskScore: 40, allowedJurisdictions: [276, 250, 840] })
 */
export function buildPolicy(rules: PolicyRules): Policy {
  const leaves = [...new Set(rules.allowedJurisdictions)].sort((a, b) => a - b).map(BigInt)
  const tree = new LeanIMT<bigint>((a, b) => poseidon2([a, b]), leaves)
  const jurisdictionRoot = tree.root ?? 0n
  const hash = poseidon5([rules.policyId, rules.minNetCapital, BigInt(rules.minKycLevel), BigInt(rules.maxRiskScore), jurisdictionRoot])
  return { ...rules, allowedJurisdictions: leaves.map(Number), jurisdictionRoot, hash, tree }
}
