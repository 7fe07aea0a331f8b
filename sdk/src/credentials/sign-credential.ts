import { signMessage } from '@zk-kit/eddsa-poseidon'
import { hexToBytes } from 'viem'
import { hashCredential } from './hash-credential.js'
import type { CredentialAttributes, IssuerKey, SignedCredential } from './types.js'

/**
 * Signs a credential's Poseidon hash with the issuer's key.
 * @example
 * const credential = signCredential(issuer, { subject, assets: 900_000n, liabilities: 100_000n, kycLevel: 2, riskScore: 20, jurisdiction: 276, issuedAt, expiresAt, salt: randomSalt() })
 */
export function signCredential(issuer: Pick<IssuerKey, 'privateKey' | 'publicKey'>, attributes: CredentialAttributes): SignedCredential {
  const signature = signMessage(hexToBytes(issuer.privateKey), hashCredential(attributes))
  return {
    attributes,
    issuerPublicKey: issuer.publicKey,
    signature: { R8: [BigInt(signature.R8[0]), BigInt(signature.R8[1])], S: BigInt(signature.S) },
  }
}
