// @proofx/sdk: the public surface. React hooks live in '@proofx/sdk/react', Node helpers in '@proofx/sdk/node',
// the demo issuer and policies in '@proofx/sdk/demo'.

// Credentials (issuer and holder side)
export type { CredentialAttributes, CredentialSignature, IssuerKey, IssuerPublicKey, PolicyRules, SignedCredential } from './credentials/types.js'
export { createIssuerKey } from './credentials/create-issuer-key.js'
export { signCredential } from './credentials/sign-credential.js'
export { verifyCredentialSignature } from './credentials/verify-credential-signature.js'
export { hashCredential } from './credentials/hash-credential.js'
export { hashIssuerKey } from './credentials/hash-issuer-key.js'
export { randomSalt } from './credentials/random-salt.js'
export { serializeCredential, deserializeCredential } from './credentials/serialize-credential.js'
export { computeScope } from './credentials/compute-scope.js'
export { computeNullifier } from './credentials/compute-nullifier.js'
export { buildCircuitInput, type BuildCircuitInputParameters, type ComplianceCircuitInput } from './credentials/build-circuit-input.js'
export { ATTRIBUTE_BITS, MAX_JURISDICTION_DEPTH, SNARK_SCALAR_FIELD, maxOf } from './credentials/limits.js'
export { packContext, unpackContext, type ProofContext } from './credentials/pack-context.js'
export {
  CONTEXT_FIELDS,
  PUBLIC_SIGNAL_COUNT,
  PUBLIC_SIGNAL_NAMES,
  contextFieldLayout,
  publicSignalIndex,
  type ContextFieldName,
  type PublicSignalName,
} from './credentials/public-signals.js'

// Holder: the encrypted on-device credential store and credential links
export * from './holder/index.js'

// Policies
export { buildPolicy, type Policy } from './policies/build-policy.js'
export type { PolicyDocument, PolicyDocumentJson } from './policies/policy-document.js'
export { parsePolicyDocument, toPolicyDocumentJson } from './policies/parse-policy-document.js'
export { fetchPolicyDocument, type FetchPolicyDocumentOptions } from './policies/fetch-policy-document.js'
export { policyDocumentOf } from './policies/policy-document-of.js'

// Validation, artifacts, proving
export * from './validation/index.js'
export * from './artifacts/index.js'
export { createProver, verifyProof, terminateCurve } from './prover/index.js'
export type {
  CreateProverParameters,
  EngineFallback,
  Groth16Proof,
  PreloadOptions,
  PreloadReturnType,
  ProofProgress,
  ProofStage,
  ProofTimings,
  ProofXProofStruct,
  ProofXPublicSignals,
  Prover,
  ProveErrorType,
  ProveParameters,
  ProveReturnType,
} from './prover/index.js'
export { DEFAULT_PROVING_ENGINE, type ProvingEngine } from './prover/proving-engine.js'
export { createGroth16Engine, readWitness, type EngineTimings, type Groth16Engine } from './engine/index.js'
export { wrapBrowserWorker } from './worker/spawn-browser-worker.js'
export { crossOriginIsolationHeaders } from './worker/cross-origin-isolation-headers.js'
export type { WorkerHandle } from './worker/worker-handle.js'

// Errors
export * from './errors/index.js'

// Chain: viem actions, ABI, deployments, client
export * from './actions/index.js'
export * from './chain/index.js'
export * from './deployments/index.js'
export * from './clients/index.js'
