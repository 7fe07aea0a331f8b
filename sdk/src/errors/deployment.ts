import { ProofXError } from './base.js'

export type DeploymentNotFoundErrorType = DeploymentNotFoundError & { name: 'DeploymentNotFoundError' }
/** No ProofX deployment is known for the chain id. */
export class DeploymentNotFoundError extends ProofXError {
  override name = 'DeploymentNotFoundError' as const
  readonly chainId: number
  constructor({ chainId, chainName, hint }: { chainId: number; chainName?: string | undefined; hint?: string | undefined }) {
    super(`No ProofX deployment is known on ${chainName ? `${chainName} (chain ${chainId})` : `chain ${chainId}`}.`, {
      metaMessages: [
        hint ?? 'Pass it to createProofX({ chainId, deployment }) or register it with registerDeployment(deployment).',
        'Local anvil: run the deploy script; it writes deployments/31337.json.',
      ],
    })
    this.chainId = chainId
  }
}

export type InvalidDeploymentErrorType = InvalidDeploymentError & { name: 'InvalidDeploymentError' }
/** A deployment file or object is missing a field or has one of the wrong form. */
export class InvalidDeploymentError extends ProofXError {
  override name = 'InvalidDeploymentError' as const
  readonly field: string
  readonly rule: string
  constructor({ field, rule, source, cause }: { field: string; rule: string; source?: string | undefined; cause?: unknown }) {
    super(`Invalid ProofX deployment${source ? ` in ${source}` : ''} at "${field}": ${rule}.`, {
      cause,
      metaMessages: ['Regenerate it with the deploy script (contracts/script), or fix the field by hand.'],
    })
    this.field = field
    this.rule = rule
  }
}
