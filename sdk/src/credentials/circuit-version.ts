/**
 * Versions of circuits/compliance.circom. 2 commits the policy's validity period in the policy hash and proves
 * now + validityPeriod <= credential.expiresAt, so a compliance record never outlives its credential; 1 (kept in
 * circuits/v1 for deployments that still run it) proved only issuedAt <= now < expiresAt.
 */
export type CircuitVersion = 1 | 2

/** The circuit the SDK's default artifacts and new deployments use. */
export const CURRENT_CIRCUIT_VERSION = 2 satisfies CircuitVersion

export const CIRCUIT_VERSIONS = [1, 2] as const satisfies readonly CircuitVersion[]
