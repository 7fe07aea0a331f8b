import { ProofXError } from './base.js'

export type VerifierAddressNotFoundErrorType = VerifierAddressNotFoundError & { name: 'VerifierAddressNotFoundError' }
/** No verifier contract is configured for the chain the hook runs on. */
export class VerifierAddressNotFoundError extends ProofXError {
  override name = 'VerifierAddressNotFoundError' as const
  readonly chainId: number
  constructor({ chainId }: { chainId: number }) {
    super(`No ProofX verifier address is configured for chain ${chainId}.`, {
      metaMessages: [
        'Pass `address`, or add the chain to `verifiers` in createProofXConfig.',
        "If your wallet is on another network, switch it to the verifier's chain.",
      ],
    })
    this.chainId = chainId
  }
}
