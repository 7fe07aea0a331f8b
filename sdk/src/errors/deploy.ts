import type { Hash } from 'viem'
import { ProofXError } from './base.js'

export type InvalidDeployParameterErrorType = InvalidDeployParameterError & { name: 'InvalidDeployParameterError' }
/** A deployProofX parameter is missing or of the wrong form: nothing was sent. */
export class InvalidDeployParameterError extends ProofXError {
  override name = 'InvalidDeployParameterError' as const
  readonly field: string
  readonly rule: string
  constructor({ field, rule, cause }: { field: string; rule: string; cause?: unknown }) {
    super(`Cannot deploy ProofX: "${field}" ${rule}.`, { cause, metaMessages: ['Nothing was sent: fix the parameter and deploy again.'] })
    this.field = field
    this.rule = rule
  }
}

export type DemoIssuerOnPublicChainErrorType = DemoIssuerOnPublicChainError & { name: 'DemoIssuerOnPublicChainError' }
/**
 * The public demo issuer (its private key ships in @proofx/sdk/demo) was to be trusted on a chain other than the
 * local anvil (31337): anyone could sign themselves a credential that passes every gate. Refused before any transaction.
 */
export class DemoIssuerOnPublicChainError extends ProofXError {
  override name = 'DemoIssuerOnPublicChainError' as const
  readonly field = 'issuers'
  readonly chainId: number
  readonly issuerKeyHash: bigint
  constructor({ chainId, issuerKeyHash }: { chainId: number; issuerKeyHash: bigint }) {
    super(`Refusing to trust the public demo issuer on chain ${chainId}: its private key is public, so anyone could issue credentials.`, {
      details: `issuer key hash ${issuerKeyHash} is the demo issuer's; it may only be trusted on a local anvil (chain 31337).`,
      metaMessages: ['Trust your own issuer: create its key (proofx keys), publish its key hash, and pass that instead. Nothing was sent.'],
    })
    this.chainId = chainId
    this.issuerKeyHash = issuerKeyHash
  }
}

export type DeployTransactionFailedErrorType = DeployTransactionFailedError & { name: 'DeployTransactionFailedError' }
/** One deployment step failed or reverted; the steps before it are on-chain (listed in `completed`). */
export class DeployTransactionFailedError extends ProofXError {
  override name = 'DeployTransactionFailedError' as const
  readonly step: string
  readonly transactionHash: Hash | undefined
  readonly completed: readonly string[]
  constructor({
    step,
    transactionHash,
    completed,
    cause,
  }: { step: string; transactionHash?: Hash | undefined; completed: readonly string[]; cause?: unknown }) {
    super(`Deploying ProofX failed at "${step}"${transactionHash ? ` (transaction ${transactionHash})` : ''}.`, {
      cause,
      metaMessages: [
        completed.length ? `Already on-chain: ${completed.join('; ')}.` : 'Nothing was on-chain yet.',
        'Check the deployer has funds and the RPC is the chain you meant, then deploy again (a fresh deployment).',
      ],
    })
    this.step = step
    this.transactionHash = transactionHash
    this.completed = completed
  }
}
