import type { Address, Hex } from 'viem'
import { ProofXError } from '@proofx/sdk'

export type ThresholdNotMetErrorType = ThresholdNotMetError & { name: 'ThresholdNotMetError' }
/** Fewer distinct owner signatures than the Safe's threshold: nothing was sent. */
export class ThresholdNotMetError extends ProofXError {
  override name = 'ThresholdNotMetError' as const
  readonly signed: number
  readonly threshold: number
  constructor({ signed, threshold, safe }: { signed: number; threshold: number; safe: Address }) {
    super(`The Safe ${safe} needs ${threshold} owner signatures; ${signed} valid one(s) given.`, {
      metaMessages: ['Collect more signature files with `proofx admin sign` and pass them all to `proofx admin execute --signatures`.'],
    })
    this.signed = signed
    this.threshold = threshold
  }
}

export type NotSafeOwnerErrorType = NotSafeOwnerError & { name: 'NotSafeOwnerError' }
/** A signature file was signed by a key that is not an owner of the Safe (or claims a signer it was not made by). */
export class NotSafeOwnerError extends ProofXError {
  override name = 'NotSafeOwnerError' as const
  readonly signer: Address
  constructor({
    signer,
    safe,
    file,
    reason,
  }: { signer: Address; safe: Address; file: string; reason: 'not an owner' | 'signature does not match its signer' }) {
    super(`Signature ${file}: ${signer} is ${reason === 'not an owner' ? `not an owner of the Safe ${safe}` : 'not who made this signature'}.`, {
      metaMessages: ["Only the Safe owners' signatures count; check `proofx keys audit` for the owner list."],
    })
    this.signer = signer
  }
}

export type ProposalMismatchErrorType = ProposalMismatchError & { name: 'ProposalMismatchError' }
/** The proposal's hash, calls or nonce do not agree with each other or with the Safe: it was edited or is stale. */
export class ProposalMismatchError extends ProofXError {
  override name = 'ProposalMismatchError' as const
  readonly field: string
  constructor({ field, rule }: { field: string; rule: string }) {
    super(`Proposal field "${field}" ${rule}.`, { metaMessages: ['Do not edit proposal files: create a new one with `proofx admin <operation> --propose`.'] })
    this.field = field
  }
}

export type TimelockNotReadyErrorType = TimelockNotReadyError & { name: 'TimelockNotReadyError' }
/** The timelocked operation is not ready: not scheduled yet, still waiting out its delay, or already done. */
export class TimelockNotReadyError extends ProofXError {
  override name = 'TimelockNotReadyError' as const
  readonly operationId: Hex
  readonly readyAt: bigint | undefined
  constructor({ operationId, state, readyAt, now }: { operationId: Hex; state: 'unset' | 'waiting' | 'done'; readyAt?: bigint; now?: bigint }) {
    const why =
      state === 'unset'
        ? 'is not scheduled (execute the schedule proposal first)'
        : state === 'done'
          ? 'was already executed'
          : `is still in its delay: ready at ${new Date(Number(readyAt) * 1000).toISOString()} (in ${readyAt! - now!} s)`
    super(`Timelock operation ${operationId} ${why}.`)
    this.operationId = operationId
    this.readyAt = readyAt
  }
}

export type NoGovernanceRouteErrorType = NoGovernanceRouteError & { name: 'NoGovernanceRouteError' }
/** Neither the key given, the Safe, nor the timelock holds the role an operation needs. */
export class NoGovernanceRouteError extends ProofXError {
  override name = 'NoGovernanceRouteError' as const
  readonly role: string
  constructor({ role, step, tried }: { role: string; step: string; tried: string[] }) {
    super(`"${step}" needs ${role}, which none of ${tried.join(', ')} holds.`, { metaMessages: ['`proofx keys audit` lists who holds each role.'] })
    this.role = role
  }
}
