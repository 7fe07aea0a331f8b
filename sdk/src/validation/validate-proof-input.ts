import { getAddress, isAddressEqual, type Address } from 'viem'
import type { PolicyRules, SignedCredential } from '../credentials/types.js'
import { verifyCredentialSignature } from '../credentials/verify-credential-signature.js'
import {
  CredentialExpiredError,
  CredentialExpiresBeforeRecordError,
  CredentialNotYetValidError,
  InsolventCredentialError,
  InsufficientNetCapitalError,
  InvalidSignatureError,
  JurisdictionNotAllowedError,
  KycLevelTooLowError,
  RiskScoreTooHighError,
  SubjectMismatchError,
  type ValidationErrorType,
} from '../errors/validation.js'
import { checkCredentialRanges, checkNowRange, checkPolicyRanges } from './check-ranges.js'
import { parseAddress, parseCredential, parsePolicyRules, parseTimestamp } from './parse-input.js'

export type ValidateProofInputParameters = {
  /** A SignedCredential or its JSON form (bigints as decimal strings). */
  credential: SignedCredential | unknown
  /** Policy rules (a built Policy works too). */
  policy: PolicyRules | unknown
  /** Unix seconds the proof speaks for. Default: the current time. */
  now?: bigint | number | string | undefined
  /** The account that will submit the proof; must be the credential's subject. */
  subject?: Address | undefined
}

export type ValidateProofInputReturnType = { credential: SignedCredential; policy: PolicyRules; now: bigint }

export type ValidateProofInputErrorType = ValidationErrorType

/**
 * Checks in plain TypeScript every rule the circuit enforces, so a bad input fails with a typed error
 * naming the field (e.g. "The credential expired on 2026-…") instead of a witness assertion.
 * Returns the parsed credential and policy.
 * @example
 * const { credential } = validateProofInput({ credential: JSON.parse(text), policy: DEMO_POLICIES.accredited, subject: account.address })
 */
export function validateProofInput(parameters: ValidateProofInputParameters): ValidateProofInputReturnType {
  const credential = parseCredential(parameters.credential)
  const policy = parsePolicyRules(pickRules(parameters.policy))
  const now = parameters.now === undefined ? BigInt(Math.floor(Date.now() / 1000)) : parseTimestamp(parameters.now)
  const subject = parameters.subject === undefined ? undefined : parseAddress(parameters.subject, 'subject')
  checkCredentialRanges(credential)
  checkPolicyRanges(policy)
  checkNowRange(now)

  const a = credential.attributes
  if (subject !== undefined && !isAddressEqual(a.subject, subject))
    throw new SubjectMismatchError({ subject: getAddress(a.subject), expected: getAddress(subject) })
  if (!verifyCredentialSignature(credential)) throw new InvalidSignatureError()
  if (a.issuedAt > now) throw new CredentialNotYetValidError({ issuedAt: a.issuedAt, now })
  if (now >= a.expiresAt) throw new CredentialExpiredError({ expiresAt: a.expiresAt, now })
  // The record the proof makes lasts until now + validityPeriod; the credential must last as long (circuit v2).
  if (now + BigInt(policy.validityPeriod) > a.expiresAt)
    throw new CredentialExpiresBeforeRecordError({ expiresAt: a.expiresAt, now, validityPeriod: policy.validityPeriod })
  if (a.liabilities > a.assets) throw new InsolventCredentialError({ assets: a.assets, liabilities: a.liabilities })
  if (a.assets - a.liabilities < policy.minNetCapital)
    throw new InsufficientNetCapitalError({ netCapital: a.assets - a.liabilities, minNetCapital: policy.minNetCapital })
  if (a.kycLevel < policy.minKycLevel) throw new KycLevelTooLowError({ kycLevel: a.kycLevel, minKycLevel: policy.minKycLevel })
  if (a.riskScore > policy.maxRiskScore) throw new RiskScoreTooHighError({ riskScore: a.riskScore, maxRiskScore: policy.maxRiskScore })
  if (!policy.allowedJurisdictions.includes(a.jurisdiction))
    throw new JurisdictionNotAllowedError({ jurisdiction: a.jurisdiction, allowed: policy.allowedJurisdictions })
  return { credential, policy, now }
}

// A built Policy carries a LeanIMT and hashes; only the rules are validated.
function pickRules(policy: unknown): unknown {
  if (!policy || typeof policy !== 'object') return policy
  const { policyId, minNetCapital, minKycLevel, maxRiskScore, allowedJurisdictions, validityPeriod } = policy as Record<string, unknown>
  return { policyId, minNetCapital, minKycLevel, maxRiskScore, allowedJurisdictions, validityPeriod }
}
