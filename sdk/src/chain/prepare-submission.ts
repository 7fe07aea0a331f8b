import { getAddress, isAddress, numberToHex, type Account, type Address, type Chain, type Client, type Transport } from 'viem'
import { getChainId, readContract } from 'viem/actions'
import { unpackContext } from '../credentials/pack-context.js'
import { VerificationKeyMismatchError } from '../errors/artifacts.js'
import { ProofPolicyMismatchError, ProofScopeMismatchError, ProofSubjectMismatchError } from '../errors/contract.js'
import { InvalidInputError } from '../errors/validation.js'
import { proofXVerifierAbi } from './abi.js'
import { publicSignalIndex } from '../credentials/public-signals.js'
import { toProofXProof, type Groth16ProofOutput, type ProofXProof } from './to-proofx-proof.js'

/** What submitProof takes, and what each entry of submitProofs is. */
export type SubmissionInput = {
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

/** A submission ready for the contract: its arguments, and what the SDK needs to explain a rejection. */
export type PreparedSubmission = {
  policyId: bigint
  subject: Address
  struct: ProofXProof
  /** The proof's own public signals, when it carries them (prover or snarkjs output). */
  publicSignals: readonly string[] | undefined
  /** The verification-key hash the prover's result names, if any. */
  vkeyHash: unknown
}

const isProverOutput = (proof: SubmissionInput['proof']): proof is Groth16ProofOutput => 'publicSignals' in proof && 'proof' in proof

/** The prover's result names its policy in `calldata`; snarkjs output and structs do not. */
const policyIdOf = (proof: SubmissionInput['proof']): bigint | undefined => {
  const calldata = (proof as { calldata?: { policyId?: unknown } }).calldata
  return typeof calldata?.policyId === 'bigint' ? calldata.policyId : undefined
}

export const accountAddress = (account: Account | Address | undefined): Address | undefined => (typeof account === 'string' ? account : account?.address)

/**
 * Resolves policy id, subject and contract struct of a submission, checking what can be checked offline. `field`
 * prefixes the names in errors (`entries[3].` for a batch entry).
 * @throws InvalidInputError, InvalidProofFormatError, ProofSubjectMismatchError
 */
export function prepareSubmission(input: SubmissionInput, { sender, field = '' }: { sender: Address | undefined; field?: string }): PreparedSubmission {
  const { proof } = input
  if (!proof || typeof proof !== 'object')
    throw new InvalidInputError({ field: `${field}proof`, rule: "required: the prover's result, snarkjs output or a ProofXProof struct" })
  const policyId = input.policyId ?? policyIdOf(proof)
  if (policyId === undefined) throw new InvalidInputError({ field: `${field}policyId`, rule: "required unless the proof is the prover's result" })
  const struct = isProverOutput(proof) ? toProofXProof(proof) : proof
  const proofSubject = isProverOutput(proof)
    ? getAddress(numberToHex(unpackContext(BigInt(proof.publicSignals[publicSignalIndex.context]!)).subject, { size: 20 }))
    : undefined
  const subjectInput = input.subject ?? proofSubject ?? sender
  if (!subjectInput || !isAddress(subjectInput, { strict: false }))
    throw new InvalidInputError({
      field: `${field}subject`,
      rule: subjectInput ? `"${subjectInput}" is not an address` : 'required when the proof carries no subject signal and no account is set',
    })
  const subject = getAddress(subjectInput)
  // Free to check, and the most common relayer mistake.
  if (proofSubject && proofSubject !== subject) throw new ProofSubjectMismatchError({ proofSubject, subject })
  return {
    policyId,
    subject,
    struct,
    publicSignals: isProverOutput(proof) ? proof.publicSignals : undefined,
    vkeyHash: (proof as { vkeyHash?: unknown }).vkeyHash,
  }
}

/**
 * Reads what the contract builds its signals from and throws the mismatch that made the pairing fail, if any
 * (VerificationKeyMismatchError, ProofScopeMismatchError, ProofPolicyMismatchError). Returns when it finds none.
 */
export async function explainRejection(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  address: Address,
  submission: PreparedSubmission,
): Promise<void> {
  const { policyId, publicSignals, vkeyHash } = submission
  if (!publicSignals) return
  const [scope, policy, contractVkeyHash] = await Promise.all([
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'scope' }),
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'getPolicy', args: [policyId] }),
    readContract(client, { address, abi: proofXVerifierAbi, functionName: 'vkeyHash' }),
  ])
  // The prover's result says which verification key it was made with.
  if (typeof vkeyHash === 'string' && vkeyHash.toLowerCase() !== contractVkeyHash.toLowerCase())
    throw new VerificationKeyMismatchError({ expected: contractVkeyHash, actual: vkeyHash })
  const proofScope = unpackContext(BigInt(publicSignals[publicSignalIndex.context]!)).scopeTag
  if (proofScope !== scope) throw new ProofScopeMismatchError({ proofScope, scope, chainId: await getChainId(client), address })
  const proofPolicyHash = BigInt(publicSignals[publicSignalIndex.policyHash]!)
  if (proofPolicyHash !== policy.policyHash) throw new ProofPolicyMismatchError({ policyId, proofPolicyHash, policyHash: policy.policyHash })
}
