import { ATTRIBUTE_BITS, MAX_JURISDICTION_DEPTH, SNARK_SCALAR_FIELD, maxOf } from '../credentials/limits.js'
import type { CredentialAttributes, PolicyRules, SignedCredential } from '../credentials/types.js'
import { OutOfRangeError } from '../errors/validation.js'

const checkBits = (field: string, value: bigint | number, bits: number) => {
  if (BigInt(value) > maxOf(bits)) throw new OutOfRangeError({ field, value, rule: `must fit in ${bits} bits, at most ${maxOf(bits)}` })
}

const checkField = (field: string, value: bigint) => {
  if (value >= SNARK_SCALAR_FIELD) throw new OutOfRangeError({ field, value, rule: 'must be below the BN254 scalar field' })
}

/** The range checks the circuit makes (circuits/compliance.circom via credentials/limits.ts). */
export function checkCredentialRanges(credential: SignedCredential): void {
  checkAttributeRanges(credential.attributes)
  checkField('credential.issuerPublicKey.0', credential.issuerPublicKey[0])
  checkField('credential.issuerPublicKey.1', credential.issuerPublicKey[1])
  checkField('credential.signature.R8.0', credential.signature.R8[0])
  checkField('credential.signature.R8.1', credential.signature.R8[1])
  checkField('credential.signature.S', credential.signature.S)
}

/** The circuit's range checks on the attributes alone: what an issuer checks before signing. `root` names the fields. */
export function checkAttributeRanges(a: CredentialAttributes, root = 'credential.attributes'): void {
  checkBits(`${root}.assets`, a.assets, ATTRIBUTE_BITS.assets)
  checkBits(`${root}.liabilities`, a.liabilities, ATTRIBUTE_BITS.liabilities)
  checkBits(`${root}.kycLevel`, a.kycLevel, ATTRIBUTE_BITS.kycLevel)
  checkBits(`${root}.riskScore`, a.riskScore, ATTRIBUTE_BITS.riskScore)
  checkBits(`${root}.jurisdiction`, a.jurisdiction, ATTRIBUTE_BITS.jurisdiction)
  checkBits(`${root}.issuedAt`, a.issuedAt, ATTRIBUTE_BITS.issuedAt)
  checkBits(`${root}.expiresAt`, a.expiresAt, ATTRIBUTE_BITS.expiresAt)
  checkField(`${root}.salt`, a.salt)
}

/** `root` names the fields in errors: "policy" for prove() input, "policyDocument.rules" for a published document. */
export function checkPolicyRanges(policy: PolicyRules, root = 'policy', idField = `${root}.policyId`): void {
  checkField(idField, policy.policyId)
  checkBits(`${root}.minNetCapital`, policy.minNetCapital, ATTRIBUTE_BITS.minNetCapital)
  checkBits(`${root}.minKycLevel`, policy.minKycLevel, ATTRIBUTE_BITS.minKycLevel)
  checkBits(`${root}.maxRiskScore`, policy.maxRiskScore, ATTRIBUTE_BITS.maxRiskScore)
  policy.allowedJurisdictions.forEach((code, i) => {
    checkBits(`${root}.allowedJurisdictions.${i}`, code, ATTRIBUTE_BITS.jurisdiction)
  })
  const leaves = new Set(policy.allowedJurisdictions).size
  if (leaves > 2 ** MAX_JURISDICTION_DEPTH)
    throw new OutOfRangeError({
      field: `${root}.allowedJurisdictions`,
      value: leaves,
      rule: `at most ${2 ** MAX_JURISDICTION_DEPTH} distinct codes (tree depth ${MAX_JURISDICTION_DEPTH})`,
    })
}

export function checkNowRange(now: bigint): void {
  checkBits('now', now, ATTRIBUTE_BITS.now)
}
