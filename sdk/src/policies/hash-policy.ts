import { poseidon5 } from 'poseidon-lite/poseidon5'
import { CURRENT_CIRCUIT_VERSION, type CircuitVersion } from '../credentials/circuit-version.js'
import type { PolicyRules } from '../credentials/types.js'
import { InvalidInputError } from '../errors/validation.js'
import { buildJurisdictionTree } from './build-jurisdiction-tree.js'

/**
 * The policy hash the verifier contract registers and the circuit's public signal 2, for a circuit version:
 * - 2: Poseidon(policyId, minNetCapital, minKycLevel + maxRiskScore * 2^8, validityPeriod, jurisdictionRoot)
 *   (circuits/src/policy-hash.circom: the validity period is committed, the two 8-bit scores share one input);
 * - 1: Poseidon(policyId, minNetCapital, minKycLevel, maxRiskScore, jurisdictionRoot) (circuits/v1).
 * `jurisdictionRoot` defaults to the root of the rules' jurisdiction tree (buildPolicy passes the one it built).
 * @example
 * await setPolicy(admin, { address, policyId: rules.policyId, policyHash: hashPolicy(rules), validityPeriod: rules.validityPeriod })
 */
export function hashPolicy(
  rules: PolicyRules,
  circuitVersion: CircuitVersion = CURRENT_CIRCUIT_VERSION,
  jurisdictionRoot: bigint = buildJurisdictionTree(rules.allowedJurisdictions).root ?? 0n,
): bigint {
  const minKycLevel = BigInt(rules.minKycLevel)
  const maxRiskScore = BigInt(rules.maxRiskScore)
  if (circuitVersion === 1) return poseidon5([rules.policyId, rules.minNetCapital, minKycLevel, maxRiskScore, jurisdictionRoot])
  if (circuitVersion !== 2) throw new InvalidInputError({ field: 'circuitVersion', rule: 'must be 1 or 2' })
  if (!Number.isSafeInteger(rules.validityPeriod) || rules.validityPeriod <= 0 || rules.validityPeriod >= 2 ** 32)
    throw new InvalidInputError({
      field: 'policy.validityPeriod',
      rule: 'must be a whole number of seconds from 1 to 2^32 - 1: circuit version 2 commits it in the policy hash',
    })
  return poseidon5([rules.policyId, rules.minNetCapital, minKycLevel + (maxRiskScore << 8n), BigInt(rules.validityPeriod), jurisdictionRoot])
}
