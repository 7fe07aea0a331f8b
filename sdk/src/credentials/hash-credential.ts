import { poseidon9 } from 'poseidon-lite/poseidon9'
import { hexToBigInt } from 'viem'
import type { CredentialAttributes } from './types.js'

/** The Poseidon hash the issuer signs, in the circuit's order (circuits/src/credential-hash.circom). */
export function hashCredential(a: CredentialAttributes): bigint {
  return poseidon9([
    hexToBigInt(a.subject),
    a.assets,
    a.liabilities,
    BigInt(a.kycLevel),
    BigInt(a.riskScore),
    BigInt(a.jurisdiction),
    a.issuedAt,
    a.expiresAt,
    a.salt,
  ])
}
