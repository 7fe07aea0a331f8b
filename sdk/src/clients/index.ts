export { createProofX, type CreateProofXParameters, type CreateProofXReturnType } from './create-proofx.js'
export { proofXActions, type ProofXActions, type ProofXActionsConfig } from './decorators/proofx.js'
