import { ProofXError } from './base.js'

/** Unix seconds as an ISO date, for messages people read. */
const isoDate = (seconds: bigint) => {
  const ms = Number(seconds) * 1000
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${seconds}s`
}

export type CredentialExpiredErrorType = CredentialExpiredError & { name: 'CredentialExpiredError' }
export class CredentialExpiredError extends ProofXError {
  override name = 'CredentialExpiredError' as const
  readonly field = 'expiresAt'
  constructor({ expiresAt, now }: { expiresAt: bigint; now: bigint }) {
    super(`The credential expired on ${isoDate(expiresAt)} (field "expiresAt").`, {
      details: `expiresAt ${expiresAt} is not after now ${now} (${isoDate(now)}).`,
      metaMessages: ['Ask the issuer for a fresh credential.'],
    })
  }
}

export type CredentialExpiresBeforeRecordErrorType = CredentialExpiresBeforeRecordError & { name: 'CredentialExpiresBeforeRecordError' }
/**
 * The credential expires before the compliance record a proof now would make (now + the policy's validity period).
 * Circuit version 2 refuses such a proof, so a record never outlives its credential.
 */
export class CredentialExpiresBeforeRecordError extends ProofXError {
  override name = 'CredentialExpiresBeforeRecordError' as const
  readonly field = 'expiresAt'
  readonly rule = 'expiresAt >= now + policy.validityPeriod'
  readonly expiresAt: bigint
  readonly recordEnd: bigint
  constructor({ expiresAt, now, validityPeriod }: { expiresAt: bigint; now: bigint; validityPeriod: number }) {
    const recordEnd = now + BigInt(validityPeriod)
    super(`The credential expires on ${isoDate(expiresAt)}, before the compliance record would end on ${isoDate(recordEnd)} (field "expiresAt").`, {
      details: `expiresAt ${expiresAt} must be at least now ${now} + the policy's validityPeriod ${validityPeriod} = ${recordEnd} (rule "expiresAt >= now + policy.validityPeriod").`,
      metaMessages: ["Ask the issuer for a credential that stays valid at least as long as the policy's records."],
    })
    this.expiresAt = expiresAt
    this.recordEnd = recordEnd
  }
}

export type CredentialNotYetValidErrorType = CredentialNotYetValidError & { name: 'CredentialNotYetValidError' }
export class CredentialNotYetValidError extends ProofXError {
  override name = 'CredentialNotYetValidError' as const
  readonly field = 'issuedAt'
  constructor({ issuedAt, now }: { issuedAt: bigint; now: bigint }) {
    super(`The credential is not valid before ${isoDate(issuedAt)} (field "issuedAt").`, {
      details: `issuedAt ${issuedAt} is after now ${now} (${isoDate(now)}).`,
      metaMessages: ['Check the device clock, or wait until the credential becomes valid.'],
    })
  }
}

export type InsolventCredentialErrorType = InsolventCredentialError & { name: 'InsolventCredentialError' }
export class InsolventCredentialError extends ProofXError {
  override name = 'InsolventCredentialError' as const
  readonly field = 'liabilities'
  constructor({ assets, liabilities }: { assets: bigint; liabilities: bigint }) {
    super(`Liabilities ${liabilities} exceed assets ${assets} (field "liabilities").`, {
      details: 'The circuit requires assets >= liabilities.',
    })
  }
}

export type InsufficientNetCapitalErrorType = InsufficientNetCapitalError & { name: 'InsufficientNetCapitalError' }
export class InsufficientNetCapitalError extends ProofXError {
  override name = 'InsufficientNetCapitalError' as const
  readonly field = 'assets'
  constructor({ netCapital, minNetCapital }: { netCapital: bigint; minNetCapital: bigint }) {
    super(`Net capital ${netCapital} is below the policy's ${minNetCapital} (assets - liabilities, policy "minNetCapital").`, {
      details: 'The circuit requires assets - liabilities >= minNetCapital.',
    })
  }
}

export type KycLevelTooLowErrorType = KycLevelTooLowError & { name: 'KycLevelTooLowError' }
export class KycLevelTooLowError extends ProofXError {
  override name = 'KycLevelTooLowError' as const
  readonly field = 'kycLevel'
  constructor({ kycLevel, minKycLevel }: { kycLevel: number; minKycLevel: number }) {
    super(`KYC level ${kycLevel} is below the policy's minimum ${minKycLevel} (field "kycLevel").`, {
      metaMessages: ['Complete a higher KYC level with the issuer.'],
    })
  }
}

export type RiskScoreTooHighErrorType = RiskScoreTooHighError & { name: 'RiskScoreTooHighError' }
export class RiskScoreTooHighError extends ProofXError {
  override name = 'RiskScoreTooHighError' as const
  readonly field = 'riskScore'
  constructor({ riskScore, maxRiskScore }: { riskScore: number; maxRiskScore: number }) {
    super(`Risk score ${riskScore} is above the policy's maximum ${maxRiskScore} (field "riskScore").`)
  }
}

export type JurisdictionNotAllowedErrorType = JurisdictionNotAllowedError & { name: 'JurisdictionNotAllowedError' }
export class JurisdictionNotAllowedError extends ProofXError {
  override name = 'JurisdictionNotAllowedError' as const
  readonly field = 'jurisdiction'
  constructor({ jurisdiction, allowed }: { jurisdiction: number; allowed: readonly number[] }) {
    super(`Jurisdiction ${jurisdiction} is not allowed by the policy (field "jurisdiction").`, {
      details: `Allowed ISO 3166-1 numeric codes: ${allowed.length ? allowed.join(', ') : 'none'}.`,
    })
  }
}

export type InvalidSignatureErrorType = InvalidSignatureError & { name: 'InvalidSignatureError' }
export class InvalidSignatureError extends ProofXError {
  override name = 'InvalidSignatureError' as const
  readonly field = 'signature'
  constructor() {
    super('The issuer signature does not match the credential (field "signature").', {
      details: 'Either an attribute was changed after signing, or the signature belongs to another issuer key.',
      metaMessages: ['Use the credential exactly as the issuer sent it.'],
    })
  }
}

export type SubjectMismatchErrorType = SubjectMismatchError & { name: 'SubjectMismatchError' }
export class SubjectMismatchError extends ProofXError {
  override name = 'SubjectMismatchError' as const
  readonly field = 'subject'
  constructor({ subject, expected }: { subject: string; expected: string }) {
    super(`The credential was issued to ${subject}, not to ${expected} (field "subject").`, {
      metaMessages: ['Prove with the account the credential names, or ask the issuer for one for this account.'],
    })
  }
}

export type OutOfRangeErrorType = OutOfRangeError & { name: 'OutOfRangeError' }
export class OutOfRangeError extends ProofXError {
  override name = 'OutOfRangeError' as const
  readonly field: string
  readonly rule: string
  constructor({ field, rule, value }: { field: string; rule: string; value: bigint | number }) {
    super(`Field "${field}" is out of range: ${value} (${rule}).`)
    this.field = field
    this.rule = rule
  }
}

export type InvalidInputErrorType = InvalidInputError & { name: 'InvalidInputError' }
export class InvalidInputError extends ProofXError {
  override name = 'InvalidInputError' as const
  readonly field: string
  readonly rule: string
  constructor({ field, rule, cause }: { field: string; rule: string; cause?: unknown }) {
    super(`Invalid input at "${field}": ${rule}.`, { cause, details: rule })
    this.field = field
    this.rule = rule
  }
}

/** Every error `validateProofInput` can throw. */
export type ValidationErrorType =
  | CredentialExpiredErrorType
  | CredentialExpiresBeforeRecordErrorType
  | CredentialNotYetValidErrorType
  | InsolventCredentialErrorType
  | InsufficientNetCapitalErrorType
  | KycLevelTooLowErrorType
  | RiskScoreTooHighErrorType
  | JurisdictionNotAllowedErrorType
  | InvalidSignatureErrorType
  | SubjectMismatchErrorType
  | OutOfRangeErrorType
  | InvalidInputErrorType
