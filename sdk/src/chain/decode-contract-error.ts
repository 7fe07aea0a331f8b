import { BaseError, ContractFunctionRevertedError, type Address, type Hash, type Hex } from 'viem'
import {
  BatchVerifierKeyMismatchError,
  ContractNotPausedError,
  ContractPausedError,
  ContractRevertedError,
  CredentialAlreadyRevokedError,
  CredentialRevokedError,
  GatesClosedError,
  GatesOpenError,
  GenerationsExhaustedError,
  InsufficientGasError,
  InvalidBatchSizeError,
  InvalidIssuerKeyHashError,
  InvalidPolicyHashError,
  InvalidUpgradeError,
  IssuerAlreadyTrustedError,
  IssuerIdsExhaustedError,
  IssuerNotTrustedError,
  MissingRoleError,
  PolicyInactiveError,
  ProofFromFutureError,
  ProofTooOldError,
  SignalOutOfFieldError,
  UnauthorizedRevokerError,
  UnauthorizedSubmitterError,
  VerifierHasNoCodeError,
  ZeroAddressError,
  ZeroMaxProofAgeError,
  ZeroValidityPeriodError,
  ZeroVkeyHashError,
  type ProofXContractErrorType,
} from '../errors/contract.js'
import { roleName } from './roles.js'

export type DecodeContractErrorParameters = {
  /** The contract function that was called, for the fallback message. */
  functionName: string
  transactionHash?: Hash | undefined
}

type Args = readonly unknown[]
type Decoder = (args: Args, cause: unknown) => ProofXContractErrorType

const bigintArg = (args: Args, i: number) => args[i] as bigint
const addressArg = (args: Args, i: number) => args[i] as Address

/** Solidity error name -> SDK error. Arguments arrive decoded by viem in ABI order. */
const decoders: Record<string, Decoder> = {
  ProofXVerifierUnauthorizedSubmitter: (a, cause) => new UnauthorizedSubmitterError({ sender: addressArg(a, 0), subject: addressArg(a, 1), cause }),
  ProofXVerifierPolicyInactive: (a, cause) => new PolicyInactiveError({ policyId: bigintArg(a, 0), cause }),
  ProofXVerifierIssuerNotTrusted: (a, cause) => new IssuerNotTrustedError({ issuerKeyHash: bigintArg(a, 0), cause }),
  ProofXVerifierCredentialRevoked: (a, cause) => new CredentialRevokedError({ issuerKeyHash: bigintArg(a, 0), nullifier: bigintArg(a, 1), cause }),
  ProofXVerifierProofFromFuture: (a, cause) => new ProofFromFutureError({ timestamp: bigintArg(a, 0), blockTimestamp: bigintArg(a, 1), cause }),
  ProofXVerifierProofTooOld: (a, cause) => new ProofTooOldError({ timestamp: bigintArg(a, 0), oldestAccepted: bigintArg(a, 1), cause }),
  ProofXVerifierInsufficientGas: (a, cause) => new InsufficientGasError({ gasLeft: bigintArg(a, 0), required: bigintArg(a, 1), cause }),
  ProofXVerifierSignalOutOfField: (a, cause) => new SignalOutOfFieldError({ index: bigintArg(a, 0), value: bigintArg(a, 1), cause }),
  ProofXVerifierInvalidBatchSize: (a, cause) => new InvalidBatchSizeError({ size: bigintArg(a, 0), max: bigintArg(a, 1), cause }),
  ProofXVerifierBatchVerifierKeyMismatch: (a, cause) =>
    new BatchVerifierKeyMismatchError({ batchVerifier: addressArg(a, 0), batchVkeyHash: a[1] as Hex, vkeyHash: a[2] as Hex, cause }),
  ProofXVerifierUnauthorizedRevoker: (a, cause) => new UnauthorizedRevokerError({ sender: addressArg(a, 0), issuerKeyHash: bigintArg(a, 1), cause }),
  ProofXVerifierCredentialAlreadyRevoked: (a, cause) =>
    new CredentialAlreadyRevokedError({ issuerKeyHash: bigintArg(a, 0), nullifier: bigintArg(a, 1), cause }),
  ProofXVerifierIssuerAlreadyTrusted: (a, cause) => new IssuerAlreadyTrustedError({ issuerKeyHash: bigintArg(a, 0), cause }),
  ProofXVerifierInvalidIssuerKeyHash: (a, cause) => new InvalidIssuerKeyHashError({ issuerKeyHash: bigintArg(a, 0), cause }),
  ProofXVerifierInvalidPolicyHash: (a, cause) => new InvalidPolicyHashError({ policyId: bigintArg(a, 0), policyHash: bigintArg(a, 1), cause }),
  ProofXVerifierZeroValidityPeriod: (a, cause) => new ZeroValidityPeriodError({ policyId: bigintArg(a, 0), cause }),
  ProofXVerifierZeroAddress: (a, cause) => new ZeroAddressError({ field: String(a[0]), cause }),
  ProofXVerifierVerifierHasNoCode: (a, cause) => new VerifierHasNoCodeError({ verifier: addressArg(a, 0), cause }),
  ProofXVerifierZeroVkeyHash: (_a, cause) => new ZeroVkeyHashError({ cause }),
  ProofXVerifierZeroMaxProofAge: (_a, cause) => new ZeroMaxProofAgeError({ cause }),
  ProofXVerifierGatesClosed: (_a, cause) => new GatesClosedError({ cause }),
  ProofXVerifierGatesOpen: (_a, cause) => new GatesOpenError({ cause }),
  ProofXVerifierGenerationsExhausted: (a, cause) => new GenerationsExhaustedError({ generation: Number(a[0]), cause }),
  ProofXVerifierIssuerIdsExhausted: (a, cause) => new IssuerIdsExhaustedError({ maxIssuerId: Number(a[0]), cause }),
  AccessControlUnauthorizedAccount: (a, cause) =>
    new MissingRoleError({ account: addressArg(a, 0), role: a[1] as Hex, roleName: roleName(a[1] as Hex), cause }),
  EnforcedPause: (_a, cause) => new ContractPausedError({ cause }),
  ExpectedPause: (_a, cause) => new ContractNotPausedError({ cause }),
  UUPSUnsupportedProxiableUUID: (_a, cause) =>
    new InvalidUpgradeError({ reason: 'the new implementation reports another proxiable UUID (not a UUPS implementation)', cause }),
  UUPSUnauthorizedCallContext: (_a, cause) => new InvalidUpgradeError({ reason: 'upgradeToAndCall must be called through the proxy', cause }),
  ERC1967InvalidImplementation: (a, cause) => new InvalidUpgradeError({ reason: `${String(a[0])} has no code`, cause }),
  ERC1967NonPayable: (_a, cause) => new InvalidUpgradeError({ reason: 'ETH was sent with an upgrade that calls no initializer', cause }),
  FailedCall: (_a, cause) => new InvalidUpgradeError({ reason: "the call to the new implementation's initializer failed", cause }),
  InvalidInitialization: (_a, cause) => new InvalidUpgradeError({ reason: 'the initializer was already run (InvalidInitialization)', cause }),
}

/**
 * Turns a viem contract error into the SDK error for its Solidity custom error (`PolicyInactiveError`,
 * `ContractPausedError`, ...). Errors that are not reverts (network, user rejected the request) come back
 * unchanged, so callers can always `throw decodeContractError(error, ...)`.
 * @example
 * try {
 *   await simulateContract(client, { address, abi: proofXVerifierAbi, functionName: 'pause', account })
 * } catch (error) {
 *   throw decodeContractError(error, { functionName: 'pause' })
 * }
 */
export function decodeContractError(error: unknown, { functionName, transactionHash }: DecodeContractErrorParameters): ProofXContractErrorType | Error {
  if (!(error instanceof BaseError)) return error instanceof Error ? error : new Error(String(error))
  const revert = error.walk((e) => e instanceof ContractFunctionRevertedError)
  if (!(revert instanceof ContractFunctionRevertedError)) return error
  const errorName = revert.data?.errorName
  const decode = errorName ? decoders[errorName] : undefined
  if (decode) return decode(revert.data?.args ?? [], error)
  return new ContractRevertedError({
    functionName,
    errorName: errorName ?? revert.signature,
    reason: revert.reason ?? revert.shortMessage,
    transactionHash,
    cause: error,
  })
}
