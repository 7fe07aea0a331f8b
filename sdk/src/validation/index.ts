export {
  validateProofInput,
  type ValidateProofInputParameters,
  type ValidateProofInputReturnType,
  type ValidateProofInputErrorType,
} from './validate-proof-input.js'
export { parseAddress, parseCredential, parseCredentialAttributes, parsePolicyRules, parseTimestamp, parseWith } from './parse-input.js'
export { checkAttributeRanges, checkCredentialRanges, checkPolicyRanges, checkNowRange } from './check-ranges.js'
export { addressSchema, policyRulesSchema, signedCredentialSchema } from './input-schemas.js'
export { rangedCredentialSchema, rangedPolicyRulesSchema } from './ranged-schemas.js'
