import type { Address, Hash, Hex } from 'viem'
import { ProofXError } from './base.js'
import { PUBLIC_SIGNAL_NAMES } from '../credentials/public-signals.js'

// One class per custom error of ProofXVerifier (and the OpenZeppelin errors its callers can hit),
// built by `decodeContractError` (sdk/src/chain/decode-contract-error.ts) from a viem revert.

/** Unix seconds as an ISO date, for messages people read. */
const isoDate = (seconds: bigint) => {
  const ms = Number(seconds) * 1000
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${seconds}s`
}

type WithCause = { cause?: unknown }

// ---------------------------------------------------------------------------------------------------------------
// Submitting proofs

export type ProofRejectedErrorType = ProofRejectedError & { name: 'ProofRejectedError' }
/**
 * The Groth16 pairing check failed: the proof does not prove these public signals. The contract does not revert
 * then (it emits `ProofVerified(success: false)` for monitoring); `submitProof` sees it in the simulation and
 * does not send the transaction, or, if the chain changed between simulation and inclusion, reports the mined
 * transaction's hash.
 */
export class ProofRejectedError extends ProofXError {
  override name = 'ProofRejectedError' as const
  readonly subject: Address
  readonly policyId: bigint
  readonly nullifier: bigint
  readonly transactionHash: Hash | undefined
  constructor({
    subject,
    policyId,
    nullifier,
    transactionHash,
    cause,
  }: { subject: Address; policyId: bigint; nullifier: bigint; transactionHash?: Hash | undefined } & WithCause) {
    super(`The verifier rejected the proof for ${subject} under policy ${policyId}: the Groth16 check failed.`, {
      cause,
      details: transactionHash
        ? `The transaction ${transactionHash} was mined and recorded a failed ProofVerified event.`
        : 'Found in simulation; no transaction was sent.',
      metaMessages: [
        'The proof was made for other public signals than the ones submitted: another subject, policy, chain or contract,',
        'or with artifacts whose verification key the contract does not use. Prove again for this submission.',
      ],
    })
    this.subject = subject
    this.policyId = policyId
    this.nullifier = nullifier
    this.transactionHash = transactionHash
  }
}

export type InvalidProofFormatErrorType = InvalidProofFormatError & { name: 'InvalidProofFormatError' }
/** The proof object is not a snarkjs Groth16 proof with the compliance circuit's 4 public signals. */
export class InvalidProofFormatError extends ProofXError {
  override name = 'InvalidProofFormatError' as const
  readonly field: string
  constructor({ field, rule, cause }: { field: string; rule: string; cause?: unknown }) {
    super(`The proof is malformed at "${field}": ${rule}.`, { cause, metaMessages: ["Pass the prover's output ({ proof, publicSignals }) unchanged."] })
    this.field = field
  }
}

export type ProofSubjectMismatchErrorType = ProofSubjectMismatchError & { name: 'ProofSubjectMismatchError' }
/** Checked before sending: the proof's subject signal is not the address it is submitted for. */
export class ProofSubjectMismatchError extends ProofXError {
  override name = 'ProofSubjectMismatchError' as const
  readonly field = 'subject'
  readonly proofSubject: Address
  readonly subject: Address
  constructor({ proofSubject, subject }: { proofSubject: Address; subject: Address }) {
    super(`The proof was made for ${proofSubject} but is submitted for ${subject} (field "subject").`, {
      metaMessages: ['Submit it for the address it was made for, or prove again for this subject.'],
    })
    this.proofSubject = proofSubject
    this.subject = subject
  }
}

export type ProofScopeMismatchErrorType = ProofScopeMismatchError & { name: 'ProofScopeMismatchError' }
/** Found when the verifier rejects a proof: it is bound to another chain or verifier contract (its scope tag, packed in the `context` signal). */
export class ProofScopeMismatchError extends ProofXError {
  override name = 'ProofScopeMismatchError' as const
  readonly field = 'scope'
  readonly proofScope: bigint
  readonly scope: bigint
  constructor({ proofScope, scope, chainId, address }: { proofScope: bigint; scope: bigint; chainId: number; address: Address }) {
    super(`The proof is bound to another chain or verifier contract than ${address} on chain ${chainId} (field "scope").`, {
      details: `proof scope tag ${proofScope}, this contract's scope tag ${scope}.`,
      metaMessages: ['Prove with scope = computeScope(chainId, verifierAddress) of the contract you submit to.'],
    })
    this.proofScope = proofScope
    this.scope = scope
  }
}

export type ProofPolicyMismatchErrorType = ProofPolicyMismatchError & { name: 'ProofPolicyMismatchError' }
/** Found when the verifier rejects a proof: it was made for other policy rules than the ones registered under the id. */
export class ProofPolicyMismatchError extends ProofXError {
  override name = 'ProofPolicyMismatchError' as const
  readonly field = 'policyId'
  readonly policyId: bigint
  readonly proofPolicyHash: bigint
  readonly policyHash: bigint
  constructor({ policyId, proofPolicyHash, policyHash }: { policyId: bigint; proofPolicyHash: bigint; policyHash: bigint }) {
    super(`The proof was made for other policy rules than policy ${policyId} on this verifier (field "policyId").`, {
      details: `proof policy hash ${proofPolicyHash}, registered policy hash ${policyHash}.`,
      metaMessages: ['Submit it under the policy id it was made for, or prove again with the policy the contract registers (getPolicy).'],
    })
    this.policyId = policyId
    this.proofPolicyHash = proofPolicyHash
    this.policyHash = policyHash
  }
}

export type UnauthorizedSubmitterErrorType = UnauthorizedSubmitterError & { name: 'UnauthorizedSubmitterError' }
/** ProofXVerifierUnauthorizedSubmitter: only the subject itself or a SIGNER_ROLE account may submit. */
export class UnauthorizedSubmitterError extends ProofXError {
  override name = 'UnauthorizedSubmitterError' as const
  readonly sender: Address
  readonly subject: Address
  constructor({ sender, subject, cause }: { sender: Address; subject: Address } & WithCause) {
    super(`${sender} may not submit a proof for ${subject}: only the subject or a SIGNER_ROLE account can.`, {
      cause,
      metaMessages: ["Submit from the subject's wallet, or relay through an account the admin granted SIGNER_ROLE (grantSigner)."],
    })
    this.sender = sender
    this.subject = subject
  }
}

export type PolicyInactiveErrorType = PolicyInactiveError & { name: 'PolicyInactiveError' }
/** ProofXVerifierPolicyInactive: the policy is not registered or was deactivated. */
export class PolicyInactiveError extends ProofXError {
  override name = 'PolicyInactiveError' as const
  readonly policyId: bigint
  constructor({ policyId, cause }: { policyId: bigint } & WithCause) {
    super(`Policy ${policyId} is not registered or not active on this verifier.`, {
      cause,
      metaMessages: ['Check the policy id against the deployment (deployment.policies), or ask the admin to activate it (setPolicy).'],
    })
    this.policyId = policyId
  }
}

export type IssuerNotTrustedErrorType = IssuerNotTrustedError & { name: 'IssuerNotTrustedError' }
/** ProofXVerifierIssuerNotTrusted: the credential's issuer key is not (or no longer) registered. */
export class IssuerNotTrustedError extends ProofXError {
  override name = 'IssuerNotTrustedError' as const
  readonly issuerKeyHash: bigint
  constructor({ issuerKeyHash, cause }: { issuerKeyHash: bigint } & WithCause) {
    super(`The credential's issuer (key hash ${issuerKeyHash}) is not trusted by this verifier.`, {
      cause,
      metaMessages: ['Use a credential from a registered issuer, or ask the admin to register this one (addIssuer).'],
    })
    this.issuerKeyHash = issuerKeyHash
  }
}

export type CredentialRevokedErrorType = CredentialRevokedError & { name: 'CredentialRevokedError' }
/** ProofXVerifierCredentialRevoked: the issuer revoked this credential (by its nullifier). */
export class CredentialRevokedError extends ProofXError {
  override name = 'CredentialRevokedError' as const
  readonly issuerKeyHash: bigint
  readonly nullifier: bigint
  constructor({ issuerKeyHash, nullifier, cause }: { issuerKeyHash: bigint; nullifier: bigint } & WithCause) {
    super('The credential was revoked by its issuer.', {
      cause,
      details: `issuer key hash ${issuerKeyHash}, nullifier ${nullifier}.`,
      metaMessages: ['Ask the issuer for a new credential.'],
    })
    this.issuerKeyHash = issuerKeyHash
    this.nullifier = nullifier
  }
}

export type ProofFromFutureErrorType = ProofFromFutureError & { name: 'ProofFromFutureError' }
/** ProofXVerifierProofFromFuture: the proof's timestamp is after the latest block's. */
export class ProofFromFutureError extends ProofXError {
  override name = 'ProofFromFutureError' as const
  readonly timestamp: bigint
  readonly blockTimestamp: bigint
  constructor({ timestamp, blockTimestamp, cause }: { timestamp: bigint; blockTimestamp: bigint } & WithCause) {
    super(`The proof is dated ${isoDate(timestamp)}, after the chain's current time ${isoDate(blockTimestamp)}.`, {
      cause,
      metaMessages: ['Prove with `now` taken from the latest block (or a device clock that is not ahead), then submit.'],
    })
    this.timestamp = timestamp
    this.blockTimestamp = blockTimestamp
  }
}

export type ProofTooOldErrorType = ProofTooOldError & { name: 'ProofTooOldError' }
/** ProofXVerifierProofTooOld: the proof's timestamp is older than the contract's maximum proof age. */
export class ProofTooOldError extends ProofXError {
  override name = 'ProofTooOldError' as const
  readonly timestamp: bigint
  readonly oldestAccepted: bigint
  constructor({ timestamp, oldestAccepted, cause }: { timestamp: bigint; oldestAccepted: bigint } & WithCause) {
    super(`The proof is dated ${isoDate(timestamp)}; the verifier accepts proofs from ${isoDate(oldestAccepted)} on.`, {
      cause,
      metaMessages: ['Prove again with a current `now` and submit it promptly.'],
    })
    this.timestamp = timestamp
    this.oldestAccepted = oldestAccepted
  }
}

export type InsufficientGasErrorType = InsufficientGasError & { name: 'InsufficientGasError' }
/** ProofXVerifierInsufficientGas: the transaction's gas limit leaves too little for the Groth16 pairing check. */
export class InsufficientGasError extends ProofXError {
  override name = 'InsufficientGasError' as const
  readonly field = 'gas'
  readonly gasLeft: bigint
  readonly required: bigint
  constructor({ gasLeft, required, cause }: { gasLeft: bigint; required: bigint } & WithCause) {
    super(`The gas limit is too low for the proof check: ${gasLeft} gas left where ${required} are needed (field "gas").`, {
      cause,
      metaMessages: ['Omit `gas` so the node estimates it, or raise it.'],
    })
    this.gasLeft = gasLeft
    this.required = required
  }
}

export type SignalOutOfFieldErrorType = SignalOutOfFieldError & { name: 'SignalOutOfFieldError' }
/** ProofXVerifierSignalOutOfField: a public signal is not below the BN254 scalar field. */
export class SignalOutOfFieldError extends ProofXError {
  override name = 'SignalOutOfFieldError' as const
  readonly index: bigint
  readonly value: bigint
  constructor({ index, value, cause }: { index: bigint; value: bigint } & WithCause) {
    super(`Public signal ${index} (${PUBLIC_SIGNAL_NAMES[Number(index)] ?? 'unknown'}) is not below the BN254 scalar field: ${value}.`, {
      cause,
      metaMessages: ["The proof was tampered with or built by hand; use the prover's output unchanged."],
    })
    this.index = index
    this.value = value
  }
}

export type InvalidBatchSizeErrorType = InvalidBatchSizeError & { name: 'InvalidBatchSizeError' }
/** ProofXVerifierInvalidBatchSize: submitProofs takes 1 to `max` entries. */
export class InvalidBatchSizeError extends ProofXError {
  override name = 'InvalidBatchSizeError' as const
  readonly field = 'entries'
  readonly size: bigint
  readonly max: bigint
  constructor({ size, max, cause }: { size: bigint; max: bigint } & WithCause) {
    super(`A batch of ${size} entries is not accepted: submitProofs takes 1 to ${max} (field "entries").`, {
      cause,
      metaMessages: [`Split the entries into batches of at most ${max}.`],
    })
    this.size = size
    this.max = max
  }
}

export type BatchVerifierKeyMismatchErrorType = BatchVerifierKeyMismatchError & { name: 'BatchVerifierKeyMismatchError' }
/** ProofXVerifierBatchVerifierKeyMismatch: the batch verifier embeds another verification key than the Groth16 verifier's. */
export class BatchVerifierKeyMismatchError extends ProofXError {
  override name = 'BatchVerifierKeyMismatchError' as const
  readonly field = 'batchVerifier'
  readonly batchVerifier: Address
  readonly batchVkeyHash: Hex
  readonly vkeyHash: Hex
  constructor({ batchVerifier, batchVkeyHash, vkeyHash, cause }: { batchVerifier: Address; batchVkeyHash: Hex; vkeyHash: Hex } & WithCause) {
    super(`The batch verifier ${batchVerifier} was generated for another verification key than the verifier's (field "batchVerifier").`, {
      cause,
      details: `batch verifier key hash ${batchVkeyHash}, verifier key hash ${vkeyHash}.`,
      metaMessages: ['Regenerate it from the current verification_key.json (npm run generate:batch-verifier), deploy it, then set it.'],
    })
    this.batchVerifier = batchVerifier
    this.batchVkeyHash = batchVkeyHash
    this.vkeyHash = vkeyHash
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Access control and pausing (OpenZeppelin)

export type MissingRoleErrorType = MissingRoleError & { name: 'MissingRoleError' }
/** AccessControlUnauthorizedAccount: the sender lacks the role the function needs. */
export class MissingRoleError extends ProofXError {
  override name = 'MissingRoleError' as const
  readonly account: Address
  readonly role: Hex
  /** DEFAULT_ADMIN_ROLE, SIGNER_ROLE, PAUSER_ROLE or UPGRADER_ROLE; the hash for any other role. */
  readonly roleName: string
  constructor({ account, role, roleName, cause }: { account: Address; role: Hex; roleName: string } & WithCause) {
    super(`${account} does not have ${roleName}, which this action requires.`, {
      cause,
      metaMessages: [`Send it from an account with ${roleName}, or have an admin grant the role.`],
    })
    this.account = account
    this.role = role
    this.roleName = roleName
  }
}

export type ContractPausedErrorType = ContractPausedError & { name: 'ContractPausedError' }
/** EnforcedPause: the verifier is paused (incident response); submissions are refused until it is unpaused. */
export class ContractPausedError extends ProofXError {
  override name = 'ContractPausedError' as const
  constructor({ cause }: WithCause = {}) {
    super('The ProofX verifier is paused: it accepts no proofs until an admin unpauses it.', {
      cause,
      metaMessages: ['Try again later; the operator paused the contract (see the playbook, scenario B).'],
    })
  }
}

export type ContractNotPausedErrorType = ContractNotPausedError & { name: 'ContractNotPausedError' }
/** ExpectedPause: `unpause` was called on a contract that is not paused. */
export class ContractNotPausedError extends ProofXError {
  override name = 'ContractNotPausedError' as const
  constructor({ cause }: WithCause = {}) {
    super('The ProofX verifier is not paused.', { cause })
  }
}

export type GatesClosedErrorType = GatesClosedError & { name: 'GatesClosedError' }
/** ProofXVerifierGatesClosed: `closeGates` was called while the gates are already closed. */
export class GatesClosedError extends ProofXError {
  override name = 'GatesClosedError' as const
  constructor({ cause }: WithCause = {}) {
    super("The ProofX verifier's gates are already closed: every isCompliant is false until a pauser opens them.", {
      cause,
      metaMessages: ['Nothing to do; openGates once the incident is resolved (see the playbook, scenario B).'],
    })
  }
}

export type GatesOpenErrorType = GatesOpenError & { name: 'GatesOpenError' }
/** ProofXVerifierGatesOpen: `openGates` was called while the gates are open. */
export class GatesOpenError extends ProofXError {
  override name = 'GatesOpenError' as const
  constructor({ cause }: WithCause = {}) {
    super("The ProofX verifier's gates are already open.", { cause })
  }
}

export type GenerationsExhaustedErrorType = GenerationsExhaustedError & { name: 'GenerationsExhaustedError' }
/** ProofXVerifierGenerationsExhausted: all 255 verifier generations were used. */
export class GenerationsExhaustedError extends ProofXError {
  override name = 'GenerationsExhaustedError' as const
  readonly generation: number
  constructor({ generation, cause }: { generation: number } & WithCause) {
    super(`The verifier is at generation ${generation}, the last one: setVerifier cannot start another.`, {
      cause,
      metaMessages: ['Deploy a new proxy (proofx deploy) and point clients at it.'],
    })
    this.generation = generation
  }
}

export type IssuerIdsExhaustedErrorType = IssuerIdsExhaustedError & { name: 'IssuerIdsExhaustedError' }
/** ProofXVerifierIssuerIdsExhausted: every issuer id (1..2^24 - 1) was handed out. */
export class IssuerIdsExhaustedError extends ProofXError {
  override name = 'IssuerIdsExhaustedError' as const
  readonly maxIssuerId: number
  constructor({ maxIssuerId, cause }: { maxIssuerId: number } & WithCause) {
    super(`Every issuer id up to ${maxIssuerId} was given out: addIssuer cannot trust another issuer.`, {
      cause,
      metaMessages: ['Deploy a new proxy (proofx deploy) and point clients at it.'],
    })
    this.maxIssuerId = maxIssuerId
  }
}

export type UnauthorizedRevokerErrorType = UnauthorizedRevokerError & { name: 'UnauthorizedRevokerError' }
/** ProofXVerifierUnauthorizedRevoker: only the issuer's revoker or an admin may revoke its credentials. */
export class UnauthorizedRevokerError extends ProofXError {
  override name = 'UnauthorizedRevokerError' as const
  readonly sender: Address
  readonly issuerKeyHash: bigint
  constructor({ sender, issuerKeyHash, cause }: { sender: Address; issuerKeyHash: bigint } & WithCause) {
    super(`${sender} may not revoke credentials of issuer ${issuerKeyHash}: only its revoker or an admin can.`, { cause })
    this.sender = sender
    this.issuerKeyHash = issuerKeyHash
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Administration

export type CredentialAlreadyRevokedErrorType = CredentialAlreadyRevokedError & { name: 'CredentialAlreadyRevokedError' }
/** ProofXVerifierCredentialAlreadyRevoked. */
export class CredentialAlreadyRevokedError extends ProofXError {
  override name = 'CredentialAlreadyRevokedError' as const
  readonly issuerKeyHash: bigint
  readonly nullifier: bigint
  constructor({ issuerKeyHash, nullifier, cause }: { issuerKeyHash: bigint; nullifier: bigint } & WithCause) {
    super(`The credential with nullifier ${nullifier} is already revoked.`, { cause, details: `issuer key hash ${issuerKeyHash}.` })
    this.issuerKeyHash = issuerKeyHash
    this.nullifier = nullifier
  }
}

export type IssuerAlreadyTrustedErrorType = IssuerAlreadyTrustedError & { name: 'IssuerAlreadyTrustedError' }
/** ProofXVerifierIssuerAlreadyTrusted. */
export class IssuerAlreadyTrustedError extends ProofXError {
  override name = 'IssuerAlreadyTrustedError' as const
  readonly issuerKeyHash: bigint
  constructor({ issuerKeyHash, cause }: { issuerKeyHash: bigint } & WithCause) {
    super(`Issuer ${issuerKeyHash} is already trusted.`, { cause, metaMessages: ['To change who may revoke its credentials, use setIssuerRevoker.'] })
    this.issuerKeyHash = issuerKeyHash
  }
}

export type InvalidIssuerKeyHashErrorType = InvalidIssuerKeyHashError & { name: 'InvalidIssuerKeyHashError' }
/** ProofXVerifierInvalidIssuerKeyHash: zero or not below the BN254 scalar field. */
export class InvalidIssuerKeyHashError extends ProofXError {
  override name = 'InvalidIssuerKeyHashError' as const
  readonly field = 'issuerKeyHash'
  readonly issuerKeyHash: bigint
  constructor({ issuerKeyHash, cause }: { issuerKeyHash: bigint } & WithCause) {
    super(`Issuer key hash ${issuerKeyHash} is invalid: it must be non-zero and below the BN254 scalar field (field "issuerKeyHash").`, {
      cause,
      metaMessages: ["Use the issuer key's `keyHash` (hashIssuerKey(publicKey))."],
    })
    this.issuerKeyHash = issuerKeyHash
  }
}

export type InvalidPolicyHashErrorType = InvalidPolicyHashError & { name: 'InvalidPolicyHashError' }
/** ProofXVerifierInvalidPolicyHash: zero or not below the BN254 scalar field. */
export class InvalidPolicyHashError extends ProofXError {
  override name = 'InvalidPolicyHashError' as const
  readonly field = 'policyHash'
  readonly policyId: bigint
  readonly policyHash: bigint
  constructor({ policyId, policyHash, cause }: { policyId: bigint; policyHash: bigint } & WithCause) {
    super(`Policy hash ${policyHash} for policy ${policyId} is invalid: it must be non-zero and below the BN254 scalar field (field "policyHash").`, {
      cause,
      metaMessages: ['Use buildPolicy(rules).hash.'],
    })
    this.policyId = policyId
    this.policyHash = policyHash
  }
}

export type ZeroValidityPeriodErrorType = ZeroValidityPeriodError & { name: 'ZeroValidityPeriodError' }
/** ProofXVerifierZeroValidityPeriod. */
export class ZeroValidityPeriodError extends ProofXError {
  override name = 'ZeroValidityPeriodError' as const
  readonly field = 'validityPeriod'
  readonly policyId: bigint
  constructor({ policyId, cause }: { policyId: bigint } & WithCause) {
    super(`The validity period of policy ${policyId} must be more than 0 seconds (field "validityPeriod").`, { cause })
    this.policyId = policyId
  }
}

export type ZeroAddressErrorType = ZeroAddressError & { name: 'ZeroAddressError' }
/** ProofXVerifierZeroAddress: a required address is zero. */
export class ZeroAddressError extends ProofXError {
  override name = 'ZeroAddressError' as const
  readonly field: string
  constructor({ field, cause }: { field: string } & WithCause) {
    super(`Field "${field}" must not be the zero address.`, { cause })
    this.field = field
  }
}

export type VerifierHasNoCodeErrorType = VerifierHasNoCodeError & { name: 'VerifierHasNoCodeError' }
/** ProofXVerifierVerifierHasNoCode: the new Groth16 verifier address holds no contract. */
export class VerifierHasNoCodeError extends ProofXError {
  override name = 'VerifierHasNoCodeError' as const
  readonly field = 'groth16Verifier'
  readonly verifier: Address
  constructor({ verifier, cause }: { verifier: Address } & WithCause) {
    super(`No contract is deployed at ${verifier} (field "groth16Verifier").`, {
      cause,
      metaMessages: ['Deploy the Groth16 verifier first and pass its address.'],
    })
    this.verifier = verifier
  }
}

export type ZeroVkeyHashErrorType = ZeroVkeyHashError & { name: 'ZeroVkeyHashError' }
/** ProofXVerifierZeroVkeyHash. */
export class ZeroVkeyHashError extends ProofXError {
  override name = 'ZeroVkeyHashError' as const
  readonly field = 'vkeyHash'
  constructor({ cause }: WithCause = {}) {
    super('The verification-key hash must not be zero (field "vkeyHash").', {
      cause,
      metaMessages: ["Use hashVerificationKey(vkey) of the new circuit's verification key."],
    })
  }
}

export type ZeroMaxProofAgeErrorType = ZeroMaxProofAgeError & { name: 'ZeroMaxProofAgeError' }
/** ProofXVerifierZeroMaxProofAge. */
export class ZeroMaxProofAgeError extends ProofXError {
  override name = 'ZeroMaxProofAgeError' as const
  readonly field = 'maxProofAge'
  constructor({ cause }: WithCause = {}) {
    super('The maximum proof age must be more than 0 seconds (field "maxProofAge").', { cause })
  }
}

export type InvalidUpgradeErrorType = InvalidUpgradeError & { name: 'InvalidUpgradeError' }
/** The proxy refused the new implementation (not UUPS, wrong proxiable UUID, no code, or its initializer failed). */
export class InvalidUpgradeError extends ProofXError {
  override name = 'InvalidUpgradeError' as const
  readonly reason: string
  constructor({ reason, cause }: { reason: string } & WithCause) {
    super(`The upgrade was refused: ${reason}.`, {
      cause,
      metaMessages: ['Deploy an implementation that inherits UUPSUpgradeable with a storage layout compatible with the current one.'],
    })
    this.reason = reason
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Anything else

export type ContractRevertedErrorType = ContractRevertedError & { name: 'ContractRevertedError' }
/** A revert the SDK does not know (or a transaction that reverted after a successful simulation). */
export class ContractRevertedError extends ProofXError {
  override name = 'ContractRevertedError' as const
  readonly functionName: string
  /** The Solidity error name when the ABI knows it, else the 4-byte selector, else undefined. */
  readonly errorName: string | undefined
  readonly transactionHash: Hash | undefined
  constructor({
    functionName,
    errorName,
    reason,
    transactionHash,
    cause,
  }: { functionName: string; errorName?: string | undefined; reason?: string | undefined; transactionHash?: Hash | undefined } & WithCause) {
    super(`The ProofX verifier reverted ${functionName}${errorName ? ` with ${errorName}` : ''}.`, {
      cause,
      ...(reason ? { details: reason } : {}),
      metaMessages: transactionHash ? [`Transaction: ${transactionHash}`] : undefined,
    })
    this.functionName = functionName
    this.errorName = errorName
    this.transactionHash = transactionHash
  }
}

/** Every typed error `decodeContractError` produces. */
export type ProofXContractErrorType =
  | UnauthorizedSubmitterErrorType
  | PolicyInactiveErrorType
  | IssuerNotTrustedErrorType
  | CredentialRevokedErrorType
  | ProofFromFutureErrorType
  | ProofTooOldErrorType
  | SignalOutOfFieldErrorType
  | InsufficientGasErrorType
  | InvalidBatchSizeErrorType
  | BatchVerifierKeyMismatchErrorType
  | MissingRoleErrorType
  | ContractPausedErrorType
  | ContractNotPausedErrorType
  | GatesClosedErrorType
  | GatesOpenErrorType
  | GenerationsExhaustedErrorType
  | IssuerIdsExhaustedErrorType
  | UnauthorizedRevokerErrorType
  | CredentialAlreadyRevokedErrorType
  | IssuerAlreadyTrustedErrorType
  | InvalidIssuerKeyHashErrorType
  | InvalidPolicyHashErrorType
  | ZeroValidityPeriodErrorType
  | ZeroAddressErrorType
  | VerifierHasNoCodeErrorType
  | ZeroVkeyHashErrorType
  | ZeroMaxProofAgeErrorType
  | InvalidUpgradeErrorType
  | ContractRevertedErrorType
