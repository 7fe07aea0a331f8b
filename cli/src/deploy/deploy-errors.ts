import { ProofXError } from '@proofx/sdk'

export type InvalidDeployInputErrorType = InvalidDeployInputError & { name: 'InvalidDeployInputError' }
/** A `proofx deploy` input (option, issuer file, policy document, keystore, artifact) is missing or malformed. */
export class InvalidDeployInputError extends ProofXError {
  override name = 'InvalidDeployInputError' as const
  readonly field: string
  readonly rule: string
  constructor({ field, rule, source, hint, cause }: { field: string; rule: string; source?: string | undefined; hint?: string | undefined; cause?: unknown }) {
    super(`proofx deploy: "${field}"${source ? ` in ${source}` : ''} ${rule}.`, {
      cause,
      metaMessages: [hint ?? 'Nothing was sent: fix it and run proofx deploy again.'],
    })
    this.field = field
    this.rule = rule
  }
}
