// @proofx/cli: the `proofx` command's applications as a library (ops scripts, drills, benches).
// Setup
export { runSetup, readManifest, type RunSetupParameters, type SetupManifest } from './setup/run-setup.js'
export { verifySetup, type SetupCheck, type VerifySetupParameters, type VerifySetupReport } from './setup/verify-setup.js'
export { compileCircuit, type CompileCircuitReturnType } from './setup/compile-circuit.js'
export { renderSolidityVerifier, renderVerificationKey } from './setup/export-artifacts.js'
export { hashFile } from './setup/hash-file.js'
export { measureProving } from './setup/measure-proving.js'
export { verifyZkeyTranscript } from './setup/read-transcript.js'
// Prover service
export { createProverServer, REDACTED_LOG_PATHS, type ProverServerOptions } from './server/create-prover-server.js'
export { createSdkProverBackend, type SdkProverBackendOptions } from './server/sdk-prover-backend.js'
export { createContractRelayer } from './server/contract-relayer.js'
export { createApiKeyCheck, hashApiKey } from './server/api-keys.js'
// Delivering credentials to holders
export {
  credentialQr,
  CredentialLinkTooLongError,
  type CredentialLinkTooLongErrorType,
  type CredentialQrFormat,
  type CredentialQrOptions,
} from './delivery/credential-qr.js'
// Issuance service (proofx issuer's HTTP API)
export { createIssuanceServer, ISSUANCE_REDACTED_LOG_PATHS, type IssuanceServerOptions } from './issuance-service/create-issuance-server.js'
// Monitor
export { createMonitor, type Monitor, type MonitorOptions, type PollResult } from './monitor/create-monitor.js'
export { jsonLinesSink, webhookSink, type AlertSink } from './monitor/alert-sinks.js'
export { readCheckpoint } from './monitor/checkpoint.js'
export type { Alert } from './monitor/classify-event.js'
// Deploy
export { InvalidDeployInputError } from './deploy/deploy-errors.js'
export { readIssuerFile, readVerificationKeyFile } from './deploy/deploy-inputs.js'
export { foundryArtifactPath, readProofXArtifacts } from './deploy/foundry-artifacts.js'
export { loadKeystoreAccount } from './deploy/keystore-account.js'
export { deployNextSteps } from './deploy/next-steps.js'
export { readPassphrase, type ReadPassphraseParameters } from './deploy/read-passphrase.js'
export { runDeploy, type RunDeployParameters, type RunDeployReturnType } from './deploy/run-deploy.js'
// Admin
export { ADMIN_OPERATIONS, InvalidAdminArgumentError, type AdminOperation, type AdminParams, type AdminStep } from './admin/admin-operations.js'
export { auditSignerKeys } from './admin/audit-signer-keys.js'
export { writeKeystore } from './admin/keystore.js'
export { loadAccount, MissingKeyError, type AccountSource } from './admin/load-account.js'
export { runAdminOperation, AdminTransactionRevertedError, type AdminContext, type AdminResult, type AdminStepResult } from './admin/run-admin-operation.js'
// Governance: a Safe multisig, a TimelockController and a guardian hold the roles
export { deployGovernance, checkGovernanceOptions, type GovernanceDeployment, type GovernanceOptions } from './admin/deploy-governance.js'
export { deploySafeContracts, SAFE_VERSION, type SafeContractAddresses } from './admin/safe-contracts.js'
export { readTimelockRole, timelockAbi, type TimelockRoleName } from './admin/timelock.js'
export {
  executeSafeProposal,
  operationRoute,
  runGovernedOperation,
  runScheduledExecution,
  timelockState,
  type ExecuteProposalResult,
  type GovernanceTarget,
  type GovernedContext,
  type GovernedResult,
  type ProposeResult,
  type Route,
} from './admin/governed-operation.js'
export { assembleSafeTransaction, checkProposal, connectSafe, signSafeProposal, type SafeProposal, type SafeSignatureFile } from './admin/safe-proposal.js'
export { NoGovernanceRouteError, NotSafeOwnerError, ProposalMismatchError, ThresholdNotMetError, TimelockNotReadyError } from './admin/governance-errors.js'
export { auditGovernance, type GovernanceAudit } from './admin/audit-governance.js'
// Issuer: key, issuance ledger, credentials, revocation
export {
  issueCredential,
  issueCredentials,
  prepareAttributes,
  DEFAULT_VALIDITY_SECONDS,
  type IssueOptions,
  type IssuedCredential,
} from './issuer/issue-credential.js'
export { revokeCredential, type RevokeParameters, type RevokeResult } from './issuer/revoke-issued-credential.js'
export { openSqliteLedger } from './issuer/sqlite-ledger.js'
export {
  issuanceRecordToJson,
  type CredentialStatus,
  type IssuanceLedger,
  type IssuanceRecord,
  type ListFilter,
  type NewIssuanceRecord,
  type Revocation,
} from './issuer/issuance-ledger.js'
export {
  decryptIssuerKey,
  encryptIssuerKey,
  loadIssuerKey,
  readIssuerKeyHash,
  readIssuerKeystoreFile,
  writeIssuerKeystore,
  DEFAULT_SCRYPT_N,
  type IssuerKeystore,
} from './issuer/issuer-keystore.js'
export { resolvePassphrase, PASSPHRASE_ENV, type PassphraseSource } from './issuer/passphrase.js'
export { parseIssuanceCsv, parseIssuanceJson, readIssuanceInputs, type IssuanceInputs } from './issuer/read-issuance-input.js'
export { writeCredentialFiles } from './issuer/write-credential-files.js'
export {
  CredentialNotFoundError,
  DeploymentChainMismatchError,
  IssuanceLedgerError,
  IssuerKeystoreError,
  MissingPassphraseError,
} from './issuer/issuer-errors.js'
// Policies
export { readPolicyDocumentFile } from './policy/read-policy-document.js'
export { setPolicyDocument, type SetPolicyDocumentParameters, type SetPolicyDocumentReturnType } from './policy/set-policy-document.js'
