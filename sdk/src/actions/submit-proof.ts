import { getAddress, isAddress, numberToHex, parseEventLogs, type Account, type Address, type Chain, type Client, type Transport } from 'viem'
import { getChainId, readContract } from 'viem/actions'
import { proofXVerifierAbi } from '../chain/abi.js'
import { publicSignalIndex, toProofXProof, type Groth16ProofOutput, type ProofXProof } from '../chain/to-proofx-proof.js'
import { writeVerifier, type WriteVerifierOptions, type WriteVerifierReturnType } from '../chain/write-verifier.js'
import { unpackContext } from '../credentials/pack-context.js'
import { VerificationKeyMismatchError, type VerificationKeyMismatchErrorType } from '../errors/artifacts.js'
import type { ProofXErrorType } from '../errors/base.js'
import { InvalidInputError, type InvalidInputErrorType } from '../errors/validation.js'
import {
  ProofPolicyMismatchError,
  ProofRejectedError,
  ProofScopeMismatchError,
  ProofSubjectMismatchError,
  type InvalidProofFormatErrorType,
  type ProofPolicyMismatchErrorType,
  type ProofRejectedErrorType,
  type ProofScopeMismatchErrorType,
  type ProofSubjectMismatchErrorType,
  type ProofXContractErrorType,
} from '../errors/contract.js'

export type SubmitProofParameters = WriteVerifierOptions & {
  /**
   * `prover.prove(...)`'s result, or snarkjs output ({ proof, publicSignals }), or the contract struct built by
   * hand. With public signals the SDK checks subject, scope and policy and names the mismatch.
   */
  proof: Groth16ProofOutput | ProofXProof
  /**
   * The policy the proof was made for (its id is hidden inside the policy hash). Taken from the prover's result
   * (`calldata.policyId`) when omitted; required otherwise.
   */
  policyId?: bigint | undefined
  /**
   * Whose compliance is recorded. Defaults to the proof's subject signal, else to the sending account.
   * Client-side the subject's own wallet sends; relayed, a SIGNER_ROLE account sends on its behalf.
   */
  subject?: Address | undefined
}

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

const isProverOutput = (proof: SubmitProofParameters['proof']): proof is Groth16ProofOutput => 'publicSignals' in proof && 'proof' in proof

/** The prover's result names its policy in `calldata`; snarkjs output and structs do not. */
const policyIdOf = (proof: SubmitProofParameters['proof']): bigint | undefined => {
  const calldata = (proof as { calldata?: { policyId?: unknown } }).calldata
  return typeof calldata?.policyId === 'bigint' ? calldata.policyId : undefined
}

const accountAddress = (account: Account | Address | undefined): Address | undefined => (typeof account === 'string' ? account : account?.address)

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
 * import { submitProof } from '@proofx/sdk'
 *
 * const client = createWalletClient({ account, chain: polygonAmoy, transport: custom(window.ethereum) }).extend(publicActions)
 * const result = await prover.prove({ credential, policy: DEMO_POLICIES.accredited, subject: account.address, chainId: 80002, verifier: deployment.proxy })
 * const { hash, validUntil } = await submitProof(client, { address: deployment.proxy, proof: result })
 */
export async function submitProof(client: Client<Transport, Chain | undefined, Account | undefined>, parameters: SubmitProofParameters): Promise<SubmitProofReturnType> {
  const { address, proof } = parameters
  const policyId = parameters.policyId ?? policyIdOf(proof)
  if (policyId === undefined) throw new InvalidInputError({ field: 'policyId', rule: 'required unless the proof is the prover\'s result' })
  const struct = isProverOutput(proof) ? toProofXProof(proof) : proof
  const proofSubject = isProverOutput(proof) ? getAddress(numberToHex(unpackContext(BigInt(proof.publicSignals[publicSignalIndex.context]!)).subject, { size: 20 })) : undefined
  const sender = accountAddress(parameters.account ?? client.account)
  const subjectInput = parameters.subject ?? proofSubject ?? sender
  if (!subjectInput || !isAddress(subjectInput, { strict: false })) throw new InvalidInputError({ field: 'subject', rule: subjectInput ? `"${subjectInput}" is not an address` : 'required when the proof carries no subject signal and no account is set' })
  const subject = getAddress(subjectInput)
  // Free to check, and the most common relayer mistake.
  if (proofSubject && proofSubject !== subject) throw new ProofSubjectMismatchError({ proofSubject, subject })

  const { hash, receipt } = await writeVerifier(client, { address, account: parameters.account, chain: parameters.chain, gas: parameters.gas, onSubmitted: parameters.onSubmitted, pollingInterval: parameters.pollingInterval, functionName: 'submitProof', args: [policyId, subject, struct] }, {
    // Runs on a simulated `false`, before anything is sent.
    onSimulated: async (verified) => {
      if (verified === true) return
      if (isProverOutput(proof)) await explainRejection(client, { address, policyId, publicSignals: proof.publicSignals, vkeyHash: (proof as { vkeyHash?: unknown }).vkeyHash })
      throw new ProofRejectedError({ subject, policyId, nullifier: struct.nullifier })
    },
  })
  const [event] = parseEventLogs({ abi: proofXVerifierAbi, eventName: 'ProofVerified', logs: receipt.logs }).filter((log) => log.address.toLowerCase() === address.toLowerCase())
  if (!event?.args.success) throw new ProofRejectedError({ subject, policyId, nullifier: struct.nullifier, transactionHash: hash })
  const record = await readContract(client, { address, abi: proofXVerifierAbi, functionName: 'getComplianceRecord', args: [subject, policyId], blockNumber: receipt.blockNumber })
  return { hash, receipt, subject, policyId, nullifier: struct.nullifier, validUntil: BigInt(record.expiresAt) }
}

/** Reads what the contract builds its signals from and throws the mismatch that made the pairing fail, if any. */
async function explainRejection(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  { address, policyId, publicSignals, vkeyHash }: { address: Address; policyId: bigint; publicSignals: readonly string[]; vkeyHash: unknown },
): Promise<void> {
  const [scope, policy, contractVkeyHash] = await Promise.all([
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'scope' }),
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'getPolicy', args: [policyId] }),
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'vkeyHash' }),
  ])
  // The prover's result says which verification key it was made with.
  if (typeof vkeyHash === 'string' && vkeyHash.toLowerCase() !== contractVkeyHash.toLowerCase()) throw new VerificationKeyMismatchError({ expected: contractVkeyHash, actual: vkeyHash })
  const proofScope = unpackContext(BigInt(publicSignals[publicSignalIndex.context]!)).scopeTag
  if (proofScope !== scope) throw new ProofScopeMismatchError({ proofScope, scope, chainId: await getChainId(client), address })
  const proofPolicyHash = BigInt(publicSignals[publicSignalIndex.policyHash]!)
  if (proofPolicyHash !== policy.policyHash) throw new ProofPolicyMismatchError({ policyId, proofPolicyHash, policyHash: policy.policyHash })
}
