export {
  validateProofInput,
  type ValidateProofInputParameters,
  type ValidateProofInputReturnType,
  type ValidateProofInputErrorType,
} from './validate-proof-input.js'
export { parseCredential, parsePolicyRules, parseTimestamp, parseWith } from './parse-input.js'
export { checkCredentialRanges, checkPolicyRanges, checkNowRange } from './check-ranges.js'
