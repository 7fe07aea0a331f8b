import { parseAbi, parseEventLogs, type Address, type Chain, type LocalAccount, type PublicClient, type Transport, type WalletClient } from 'viem'
import { ProofXError } from '../../errors/base.js'
import { revertReason } from '../admin/run-admin-operation.js'
import type { Relayer } from './relayer.js'

const relayAbi = parseAbi([
  'struct ProofXProof { uint256 issuerKeyHash; uint256 nullifier; uint256 timestamp; uint256[2] a; uint256[2][2] b; uint256[2] c; }',
  'function submitProof(uint256 policyId, address subject, ProofXProof proof) returns (bool)',
  'event ProofVerified(address indexed subject, address indexed signer, uint256 indexed policyId, uint256 nullifier, bool success)',
  'error EnforcedPause()',
  'error ProofXVerifierUnauthorizedSubmitter(address sender, address subject)',
  'error ProofXVerifierPolicyInactive(uint256 policyId)',
  'error ProofXVerifierIssuerNotTrusted(uint256 issuerKeyHash)',
  'error ProofXVerifierCredentialRevoked(uint256 issuerKeyHash, uint256 nullifier)',
  'error ProofXVerifierProofFromFuture(uint256 timestamp, uint256 blockTimestamp)',
  'error ProofXVerifierProofTooOld(uint256 timestamp, uint256 oldestAccepted)',
  'error ProofXVerifierSignalOutOfField(uint256 index, uint256 value)',
])

export type RelayRevertedErrorType = RelayRevertedError & { name: 'RelayRevertedError' }
/** The verifier refused the relayed proof; `reason` is its custom error (e.g. ProofXVerifierUnauthorizedSubmitter after a key revocation). */
export class RelayRevertedError extends ProofXError {
  override name = 'RelayRevertedError' as const
  readonly reason: string
  constructor({ reason, signer, cause }: { reason: string; signer: Address; cause?: unknown }) {
    const revoked = reason.startsWith('ProofXVerifierUnauthorizedSubmitter')
    super(`The verifier rejected the relayed proof: ${reason}.`, {
      cause,
      details: `signer ${signer}`,
      metaMessages: revoked ? ['This service key no longer holds SIGNER_ROLE: redeploy the prover with the rotated key (docs/operations.md, Scenario A).'] : undefined,
    })
    this.reason = reason
  }
}

/**
 * Relays proofs with a SIGNER_ROLE account: simulate (to get the custom error), send, wait, and read
 * the ProofVerified result from the receipt.
 */
export function createContractRelayer({ publicClient, walletClient, contract }: { publicClient: PublicClient; walletClient: WalletClient<Transport, Chain | undefined, LocalAccount>; contract: Address }): Relayer {
  const signer = walletClient.account.address
  return {
    address: signer,
    async submit({ policyId, subject, proof }) {
      const call = { address: contract, abi: relayAbi, functionName: 'submitProof', args: [policyId, subject, proof], account: walletClient.account } as const
      try {
        await publicClient.simulateContract(call)
      } catch (cause) {
        throw new RelayRevertedError({ reason: revertReason(cause), signer, cause })
      }
      const hash = await walletClient.writeContract({ ...call, chain: walletClient.chain })
      const receipt = await publicClient.waitForTransactionReceipt({ hash })
      if (receipt.status !== 'success') throw new RelayRevertedError({ reason: 'the transaction reverted', signer })
      const [event] = parseEventLogs({ abi: relayAbi, logs: receipt.logs, eventName: 'ProofVerified' })
      return { transactionHash: hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed, verified: event?.args.success ?? false }
    },
  }
}
