import {
  ContractFunctionRevertedError,
  parseEventLogs,
  type Account,
  type Address,
  type Chain,
  type Client,
  type Hash,
  type TransactionReceipt,
  type Transport,
} from 'viem'
import { readContract, simulateContract } from 'viem/actions'
import { proofXVerifierAbi } from '../chain/abi.js'
import { decodeContractError } from '../chain/decode-contract-error.js'
import { accountAddress, explainRejection, prepareSubmission, type PreparedSubmission, type SubmissionInput } from '../chain/prepare-submission.js'
import { toProofXProof } from '../chain/to-proofx-proof.js'
import { writeVerifier, type WriteVerifierOptions } from '../chain/write-verifier.js'
import type { VerificationKeyMismatchErrorType } from '../errors/artifacts.js'
import { ProofXError, type ProofXErrorType } from '../errors/base.js'
import {
  ProofRejectedError,
  type ContractPausedErrorType,
  type CredentialRevokedErrorType,
  type InsufficientGasErrorType,
  type InvalidBatchSizeErrorType,
  type InvalidProofFormatErrorType,
  type IssuerNotTrustedErrorType,
  type PolicyInactiveErrorType,
  type ProofFromFutureErrorType,
  type ProofPolicyMismatchErrorType,
  type ProofRejectedErrorType,
  type ProofScopeMismatchErrorType,
  type ProofSubjectMismatchErrorType,
  type ProofTooOldErrorType,
  type ProofXContractErrorType,
  type SignalOutOfFieldErrorType,
  type UnauthorizedSubmitterErrorType,
} from '../errors/contract.js'
import { InvalidInputError, type InvalidInputErrorType } from '../errors/validation.js'

/** Most entries one submitProofs call takes (the contract's MAX_BATCH_SIZE). */
export const MAX_BATCH_SIZE = 64

export type SubmitProofsParameters = WriteVerifierOptions & {
  /** What submitProof takes, once per proof: 1 to MAX_BATCH_SIZE entries, sent in one transaction. */
  entries: readonly SubmissionInput[]
}

/** Why one entry was not recorded: what submitProof would have thrown for it. */
export type SubmitProofsEntryErrorType =
  | ProofRejectedErrorType
  | ProofSubjectMismatchErrorType
  | ProofScopeMismatchErrorType
  | ProofPolicyMismatchErrorType
  | VerificationKeyMismatchErrorType
  | UnauthorizedSubmitterErrorType
  | PolicyInactiveErrorType
  | IssuerNotTrustedErrorType
  | CredentialRevokedErrorType
  | SignalOutOfFieldErrorType
  | ProofFromFutureErrorType
  | ProofTooOldErrorType
  | ProofXContractErrorType
  | ProofXErrorType

/** The outcome of one entry, in entry order. */
export type SubmitProofsResult = { subject: Address; policyId: bigint; nullifier: bigint } & (
  | { verified: true /** Unix seconds until which the subject is compliant. */; validUntil: bigint; error?: undefined }
  | { verified: false; validUntil?: undefined; error: SubmitProofsEntryErrorType }
)

export type SubmitProofsReturnType = {
  /** The submitProofs transaction; undefined when the simulation left no entry worth sending. */
  hash: Hash | undefined
  receipt: TransactionReceipt | undefined
  /** One per entry, in the order given. */
  results: SubmitProofsResult[]
}

export type SubmitProofsErrorType =
  | ContractPausedErrorType
  | InvalidBatchSizeErrorType
  | InsufficientGasErrorType
  | InvalidProofFormatErrorType
  | InvalidInputErrorType
  | ProofXContractErrorType
  | ProofXErrorType

type AnyClient = Client<Transport, Chain | undefined, Account | undefined>

/**
 * Submits many compliance proofs in one transaction (a relayer with SIGNER_ROLE, or a subject's own proofs for several
 * policies): the contract checks the valid ones together with one pairing product, a fraction of the gas of
 * `submitProof` each.
 *
 * Every entry gets what submitProof would give it. The batch is simulated first; an entry that would not be
 * recorded is left out of the transaction and comes back with the error submitProof would have thrown
 * (CredentialRevokedError, ProofTooOldError, ProofRejectedError, ProofScopeMismatchError, ...), so no gas is spent on
 * it. The rest is sent; an entry that fails on-chain anyway (the chain changed in between) comes back with its error
 * and the transaction hash, and costs the others nothing. Only a batch-wide problem throws: the contract is paused
 * (ContractPausedError), too many entries (InvalidBatchSizeError), malformed input (InvalidInputError naming
 * `entries[i].field`).
 *
 * @example
 * const { hash, results } = await submitProofs(relayerClient, { address: deployment.proxy, entries: proofs.map((proof) => ({ proof })) })
 * for (const result of results) if (!result.verified) console.warn(result.subject, result.error.shortMessage)
 */
export async function submitProofs(client: AnyClient, parameters: SubmitProofsParameters): Promise<SubmitProofsReturnType> {
  const { address, entries } = parameters
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_BATCH_SIZE) {
    throw new InvalidInputError({
      field: 'entries',
      rule: `expected 1 to ${MAX_BATCH_SIZE} entries, got ${Array.isArray(entries) ? entries.length : typeof entries}`,
    })
  }
  const account = parameters.account ?? client.account
  const sender = accountAddress(account)
  const results: (SubmitProofsResult | undefined)[] = new Array(entries.length)
  const prepared: { index: number; submission: PreparedSubmission }[] = []
  entries.forEach((entry, index) => {
    try {
      prepared.push({ index, submission: prepareSubmission(entry, { sender, field: `entries[${index}].` }) })
    } catch (error) {
      // A subject mismatch is about the proof, not the call: the entry fails alone. Malformed input stops everything.
      if (error instanceof ProofXError && error.name === 'ProofSubjectMismatchError') {
        const struct = 'publicSignals' in entry.proof ? toProofXProof(entry.proof) : entry.proof
        const policyId = entry.policyId ?? (entry.proof as { calldata?: { policyId?: bigint } }).calldata?.policyId ?? 0n
        results[index] = {
          subject: (error as ProofSubjectMismatchErrorType).subject,
          policyId,
          nullifier: struct.nullifier,
          verified: false,
          error: error as ProofSubjectMismatchErrorType,
        }
      } else throw error
    }
  })

  // Simulate, and leave out what would not be recorded, with the reason submitProof gives.
  const args = (list: typeof prepared) => [list.map(({ submission: s }) => ({ policyId: s.policyId, subject: s.subject, proof: s.struct }))] as const
  let toSend = prepared
  if (toSend.length > 0) {
    const simulated = await simulateBatch(client, address, account, parameters.chain, args(toSend))
    const refused = toSend.filter((_, i) => simulated[i] !== true)
    await Promise.all(
      refused.map(async ({ index, submission }) => {
        results[index] = { ...identity(submission), verified: false, error: await whySubmitProofRefuses(client, address, account, submission) }
      }),
    )
    toSend = toSend.filter((_, i) => simulated[i] === true)
  }
  if (toSend.length === 0) return { hash: undefined, receipt: undefined, results: results as SubmitProofsResult[] }

  const { hash, receipt } = await writeVerifier(client, {
    address,
    account: parameters.account,
    chain: parameters.chain,
    gas: parameters.gas,
    onSubmitted: parameters.onSubmitted,
    functionName: 'submitProofs',
    args: args(toSend),
  })
  const outcomes = outcomesFromLogs(receipt, address, toSend.length)
  await Promise.all(
    toSend.map(async ({ index, submission }, i) => {
      const outcome = outcomes[i]!
      if (outcome.verified) {
        const record = await readContract(client, {
          address,
          abi: proofXVerifierAbi,
          functionName: 'getComplianceRecord',
          args: [submission.subject, submission.policyId],
          blockNumber: receipt.blockNumber,
        })
        results[index] = { ...identity(submission), verified: true, validUntil: BigInt(record.expiresAt) }
      } else {
        const error = outcome.reason
          ? (decodeContractError(new ContractFunctionRevertedError({ abi: proofXVerifierAbi, data: outcome.reason, functionName: 'submitProofs' }), {
              functionName: 'submitProofs',
              transactionHash: hash,
            }) as SubmitProofsEntryErrorType)
          : new ProofRejectedError({ ...identity(submission), transactionHash: hash })
        results[index] = { ...identity(submission), verified: false, error }
      }
    }),
  )
  return { hash, receipt, results: results as SubmitProofsResult[] }
}

const identity = ({ subject, policyId, struct }: PreparedSubmission) => ({ subject, policyId, nullifier: struct.nullifier })

async function simulateBatch(
  client: AnyClient,
  address: Address,
  account: Account | Address | undefined,
  chain: Chain | null | undefined,
  args: readonly [readonly unknown[]],
): Promise<readonly boolean[]> {
  try {
    const { result } = await simulateContract(client, { address, abi: proofXVerifierAbi, functionName: 'submitProofs', args, account, chain } as never)
    return result as readonly boolean[]
  } catch (error) {
    throw decodeContractError(error, { functionName: 'submitProofs' })
  }
}

/** The error submitProof would throw for this entry now: its revert, a mismatch, or ProofRejectedError. */
async function whySubmitProofRefuses(
  client: AnyClient,
  address: Address,
  account: Account | Address | undefined,
  submission: PreparedSubmission,
): Promise<SubmitProofsEntryErrorType> {
  const { policyId, subject, struct } = submission
  try {
    await simulateContract(client, { address, abi: proofXVerifierAbi, functionName: 'submitProof', args: [policyId, subject, struct], account } as never)
    await explainRejection(client, address, submission)
  } catch (error) {
    return (error instanceof ProofXError ? error : decodeContractError(error, { functionName: 'submitProof' })) as SubmitProofsEntryErrorType
  }
  return new ProofRejectedError({ subject, policyId, nullifier: struct.nullifier })
}

type Outcome = { verified: boolean; reason?: `0x${string}` | undefined }

/** The contract emits one event per entry, in entry order: SubmissionRejected (with the revert data) or ProofVerified. */
function outcomesFromLogs(receipt: TransactionReceipt, address: Address, count: number): Outcome[] {
  const ours = receipt.logs.filter((log) => log.address.toLowerCase() === address.toLowerCase())
  const events = parseEventLogs({ abi: proofXVerifierAbi, eventName: ['ProofVerified', 'SubmissionRejected'], logs: ours })
  if (events.length !== count)
    throw new ProofXError(`The submitProofs transaction ${receipt.transactionHash} emitted ${events.length} outcomes for ${count} entries.`, {
      details: 'Is the address a ProofXVerifier proxy?',
    })
  return events.map((event) =>
    event.eventName === 'SubmissionRejected' ? { verified: false, reason: event.args.reason } : { verified: event.args.success === true },
  )
}
