import { LeanIMT } from '@zk-kit/lean-imt'
import { poseidon2 } from 'poseidon-lite/poseidon2'

/** The LeanIMT (Poseidon(2)) over the sorted, unique jurisdiction codes: its root is the policy's jurisdictionRoot. */
export function buildJurisdictionTree(allowedJurisdictions: readonly number[]): LeanIMT<bigint> {
  const leaves = [...new Set(allowedJurisdictions)].sort((a, b) => a - b).map(BigInt)
  return new LeanIMT<bigint>((a, b) => poseidon2([a, b]), leaves)
}
