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
export { createWorkerThreadBackend } from './server/worker-thread-backend.js'
export { createContractRelayer } from './server/contract-relayer.js'
export { createApiKeyCheck, hashApiKey } from './server/api-keys.js'
// Delivering credentials to holders
export { credentialQr, CredentialLinkTooLongError, type CredentialLinkTooLongErrorType, type CredentialQrFormat, type CredentialQrOptions } from './delivery/credential-qr.js'
// Monitor
export { createMonitor, type Monitor, type MonitorOptions, type PollResult } from './monitor/create-monitor.js'
export { jsonLinesSink, webhookSink, type AlertSink } from './monitor/alert-sinks.js'
export { readCheckpoint } from './monitor/checkpoint.js'
export type { Alert } from './monitor/classify-event.js'
export { ROLES } from './monitor/monitored-events.js'
// Admin
export { adminAbi } from './admin/admin-abi.js'
export type { AdminParams } from './admin/admin-operations.js'
export { auditSignerKeys } from './admin/audit-signer-keys.js'
export { writeKeystore } from './admin/keystore.js'
export { loadAccount, MissingKeyError, type AccountSource } from './admin/load-account.js'
export { runAdminOperation, AdminTransactionRevertedError, type AdminContext, type AdminResult } from './admin/run-admin-operation.js'
