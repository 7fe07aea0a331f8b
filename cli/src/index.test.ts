import { expect, test } from 'vitest'
import * as cli from './index.js'

// The CLI's programmatic surface (ops scripts, drills, benches), so a change shows up in review.
test('@proofx/cli exports', () => {
  expect(Object.keys(cli).sort()).toMatchInlineSnapshot(`
    [
      "AdminTransactionRevertedError",
      "InvalidDeployInputError",
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
      "foundryArtifactPath",
      "hashApiKey",
      "hashFile",
      "jsonLinesSink",
      "loadAccount",
      "loadKeystoreAccount",
      "measureProving",
      "nextSteps",
      "readCheckpoint",
      "readIssuerFile",
      "readManifest",
      "readPassphrase",
      "readPolicyDocumentFile",
      "readProofXArtifacts",
      "readVerificationKeyFile",
      "renderSolidityVerifier",
      "renderVerificationKey",
      "runAdminOperation",
      "runDeploy",
      "runSetup",
      "verifySetup",
      "verifyZkeyTranscript",
      "webhookSink",
      "writeKeystore",
    ]
  `)
})
