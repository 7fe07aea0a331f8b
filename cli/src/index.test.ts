import { expect, test } from 'vitest'
import * as cli from './index.js'

// The CLI's programmatic surface (ops scripts, drills, benches), so a change shows up in review.
test('@proofx/cli exports', () => {
  expect(Object.keys(cli).sort()).toMatchInlineSnapshot(`
    [
      "AdminTransactionRevertedError",
      "CredentialLinkTooLongError",
      "MissingKeyError",
      "REDACTED_LOG_PATHS",
      "ROLES",
      "adminAbi",
      "auditSignerKeys",
      "compileCircuit",
      "createApiKeyCheck",
      "createContractRelayer",
      "createMonitor",
      "createProverServer",
      "createWorkerThreadBackend",
      "credentialQr",
      "hashApiKey",
      "hashFile",
      "jsonLinesSink",
      "loadAccount",
      "measureProving",
      "readCheckpoint",
      "readManifest",
      "renderSolidityVerifier",
      "renderVerificationKey",
      "runAdminOperation",
      "runSetup",
      "verifySetup",
      "verifyZkeyTranscript",
      "webhookSink",
      "writeKeystore",
    ]
  `)
})
