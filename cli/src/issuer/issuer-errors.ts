import { ProofXError } from '@proofx/sdk'

export type IssuerKeystoreErrorType = IssuerKeystoreError & { name: 'IssuerKeystoreError' }
/** The issuer keystore cannot be read, is not one, or the passphrase is wrong. */
export class IssuerKeystoreError extends ProofXError {
  override name = 'IssuerKeystoreError' as const
  readonly path: string
  constructor(shortMessage: string, { path, cause, metaMessages }: { path: string; cause?: unknown; metaMessages?: string[] }) {
    super(shortMessage, {
      details: `issuer keystore ${path}`,
      cause,
      metaMessages: metaMessages ?? ['Check the file and the passphrase (PROOFX_ISSUER_PASSPHRASE, --passphrase-file, or the prompt).'],
    })
    this.path = path
  }
}

export type MissingPassphraseErrorType = MissingPassphraseError & { name: 'MissingPassphraseError' }
/** No passphrase source: no env var, no file, and no terminal to ask on. */
export class MissingPassphraseError extends ProofXError {
  override name = 'MissingPassphraseError' as const
  constructor({ reason }: { reason: string }) {
    super(`No issuer key passphrase: ${reason}.`, {
      metaMessages: ['Set PROOFX_ISSUER_PASSPHRASE, pass --passphrase-file <file>, or run in a terminal to be asked.'],
    })
  }
}

export type CredentialNotFoundErrorType = CredentialNotFoundError & { name: 'CredentialNotFoundError' }
/** No credential with this id in the issuance ledger. */
export class CredentialNotFoundError extends ProofXError {
  override name = 'CredentialNotFoundError' as const
  readonly id: string
  constructor({ id, ledger }: { id: string; ledger: string }) {
    super(`No credential "${id}" in the issuance ledger.`, { details: `ledger ${ledger}`, metaMessages: ['List what was issued with `proofx issuer list`.'] })
    this.id = id
  }
}

export type IssuanceLedgerErrorType = IssuanceLedgerError & { name: 'IssuanceLedgerError' }
/** The ledger file cannot be opened, or was written by a newer proofx. */
export class IssuanceLedgerError extends ProofXError {
  override name = 'IssuanceLedgerError' as const
  constructor(shortMessage: string, { path, cause }: { path: string; cause?: unknown }) {
    super(shortMessage, { details: `ledger ${path}`, cause })
  }
}

export type DeploymentChainMismatchErrorType = DeploymentChainMismatchError & { name: 'DeploymentChainMismatchError' }
/** The RPC serves another chain than the deployment file names: the nullifier would be for the wrong scope. */
export class DeploymentChainMismatchError extends ProofXError {
  override name = 'DeploymentChainMismatchError' as const
  constructor({ deploymentChainId, rpcChainId }: { deploymentChainId: number; rpcChainId: number }) {
    super(`The deployment is on chain ${deploymentChainId} but the RPC serves chain ${rpcChainId}.`, {
      metaMessages: ["Point --rpc (or PROOFX_RPC_URL) at a node of the deployment's chain."],
    })
  }
}
