import { parseEventLogs, type Account, type Address, type Chain, type Client, type Transport } from 'viem'
import { readContract } from 'viem/actions'
import { proofXVerifierAbi } from '../chain/abi.js'
import { accountAddress, explainRejection, prepareSubmission, type SubmissionInput } from '../chain/prepare-submission.js'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
import type { VerificationKeyMismatchErrorType } from '../errors/artifacts.js'
import type { ProofXErrorType } from '../errors/base.js'
import type { InvalidInputErrorType } from '../errors/validation.js'
import {
  ProofRejectedError,
  type InvalidProofFormatErrorType,
  type ProofPolicyMismatchErrorType,
  type ProofRejectedErrorType,
  type ProofScopeMismatchErrorType,
  type ProofSubjectMismatchErrorType,
  type ProofXContractErrorType,
} from '../errors/contract.js'

export type SubmitProofParameters = WriteVerifierOptions & SubmissionInput

export type SubmitProofReturnType = WriteVerifierReturnType & {
  subject: Address
  policyId: bigint
  nullifier: bigint
  /** Unix seconds until which the subject is compliant: the proof's timestamp plus the policy's validity period. */
  validUntil: bigint
}

export type SubmitProofErrorType =
  | ProofRejectedErrorType
  | ProofSubjectMismatchErrorType
  | ProofScopeMismatchErrorType
  | ProofPolicyMismatchErrorType
  | VerificationKeyMismatchErrorType
  | InvalidProofFormatErrorType
  | InvalidInputErrorType
  | ProofXContractErrorType
  | ProofXErrorType

/**
 * Submits a compliance proof to the ProofX verifier and waits until it is mined.
 *
 * The call is simulated first: a revert throws its typed error (ContractPausedError, PolicyInactiveError,
 * CredentialRevokedError, UnauthorizedSubmitterError, ...) before any gas is spent. A proof that fails the
 * Groth16 check does not revert on-chain (the contract emits `ProofVerified(success: false)` for monitoring);
 * this action does not send such a proof: it throws ProofRejectedError, or a more precise mismatch error when
 * it can tell why (ProofSubjectMismatchError, ProofScopeMismatchError, ProofPolicyMismatchError,
 * VerificationKeyMismatchError). So a returned
 * value always means the subject is now compliant.
 *
 * @example
 * import { createWalletClient, custom, publicActions } from 'viem'
 * import { getPublishedPolicy, submitProof } from '@proofx/sdk'
 *
 * const client = createWalletClient({ account, chain: polygonAmoy, transport: custom(window.ethereum) }).extend(publicActions)
 * const { policy } = await getPublishedPolicy(client, { address: deployment.proxy, document: deployment.policyDocuments.accredited })
 * const result = await prover.prove({ credential, policy, subject: account.address, chainId: 80002, verifier: deployment.proxy })
 * const { hash, validUntil } = await submitProof(client, { address: deployment.proxy, proof: result })
 */
export async function submitProof(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  parameters: SubmitProofParameters,
): Promise<SubmitProofReturnType> {
  const { address } = parameters
  const submission = prepareSubmission(parameters, { sender: accountAddress(parameters.account ?? client.account) })
  const { policyId, subject, struct } = submission

  const { hash, receipt } = await writeVerifier(
    client,
    {
      address,
      account: parameters.account,
      chain: parameters.chain,
      gas: parameters.gas,
      onSubmitted: parameters.onSubmitted,
      pollingInterval: parameters.pollingInterval,
      functionName: 'submitProof',
      args: [policyId, subject, struct],
    },
    {
      // Runs on a simulated `false`, before anything is sent.
      onSimulated: async (verified) => {
        if (verified === true) return
        await explainRejection(client, address, submission)
        throw new ProofRejectedError({ subject, policyId, nullifier: struct.nullifier })
      },
    },
  )
  const [event] = parseEventLogs({ abi: proofXVerifierAbi, eventName: 'ProofVerified', logs: receipt.logs }).filter(
    (log) => log.address.toLowerCase() === address.toLowerCase(),
  )
  if (!event?.args.success) throw new ProofRejectedError({ subject, policyId, nullifier: struct.nullifier, transactionHash: hash })
  const record = await readContract(client, {
    address,
    abi: proofXVerifierAbi,
    functionName: 'getComplianceRecord',
    args: [subject, policyId],
    blockNumber: receipt.blockNumber,
  })
  return { hash, receipt, subject, policyId, nullifier: struct.nullifier, validUntil: BigInt(record.expiresAt) }
}
