// @proofx/sdk/node: helpers that need Node (files, worker threads, servers). The core works in Node too.
export { artifactsFromDirectory } from './artifacts-from-directory.js'
export { spawnNodeWorker, type NodeWorkerHandle } from '../worker/spawn-node-worker.js'
export { runSetup, readManifest, type RunSetupParameters, type SetupManifest } from './setup/run-setup.js'
export { verifySetup, type SetupCheck, type VerifySetupParameters, type VerifySetupReport } from './setup/verify-setup.js'
export { createProverServer, REDACTED_LOG_PATHS, type ProverServerOptions } from './server/create-prover-server.js'
export { createMonitor, type Monitor, type MonitorOptions, type PollResult } from './monitor/create-monitor.js'
export { loadAccount, MissingKeyError, type AccountSource } from './admin/load-account.js'
export { runAdminOperation, AdminTransactionRevertedError, type AdminContext, type AdminResult } from './admin/run-admin-operation.js'
