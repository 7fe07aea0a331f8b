import { ProofXError } from '../errors/base.js'

export type ProofXProviderNotFoundErrorType = ProofXProviderNotFoundError & { name: 'ProofXProviderNotFoundError' }
/** A ProofX hook ran outside `<ProofXProvider>` and got no `config` parameter. */
export class ProofXProviderNotFoundError extends ProofXError {
  override name = 'ProofXProviderNotFoundError' as const
  constructor() {
    super('`useProofXConfig` must be used within `ProofXProvider`.', {
      metaMessages: ['Wrap your app in <ProofXProvider config={createProofXConfig({ prover })}>, or pass `config` to the hook.'],
    })
  }
}
