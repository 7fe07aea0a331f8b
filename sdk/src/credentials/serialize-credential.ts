import type { SignedCredential } from './types.js'

/** JSON text of a credential; bigints become decimal strings so nothing is lost. */
export function serializeCredential(credential: SignedCredential): string {
  return JSON.stringify(credential, (_key, value) => (typeof value === 'bigint' ? value.toString() : value), 2)
}

/** The inverse of serializeCredential. Validate the result before use: the JSON may come from anywhere. */
export function deserializeCredential(json: string): SignedCredential {
  const raw = JSON.parse(json)
  const a = raw.attributes
  return {
    attributes: {
      subject: a.subject,
      assets: BigInt(a.assets),
      liabilities: BigInt(a.liabilities),
      kycLevel: Number(a.kycLevel),
      riskScore: Number(a.riskScore),
      jurisdiction: Number(a.jurisdiction),
      issuedAt: BigInt(a.issuedAt),
      expiresAt: BigInt(a.expiresAt),
      salt: BigInt(a.salt),
    },
    issuerPublicKey: [BigInt(raw.issuerPublicKey[0]), BigInt(raw.issuerPublicKey[1])],
    signature: { R8: [BigInt(raw.signature.R8[0]), BigInt(raw.signature.R8[1])], S: BigInt(raw.signature.S) },
  }
}
