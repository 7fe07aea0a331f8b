import { InvalidInputError } from '../errors/validation.js'
import { checkPolicyRanges } from '../validation/check-ranges.js'
import { policyDocumentSchema } from '../validation/input-schemas.js'
import { parseWith } from '../validation/parse-input.js'
import { CURRENT_CIRCUIT_VERSION } from '../credentials/circuit-version.js'
import { hashPolicy } from './hash-policy.js'
import type { PolicyDocument, PolicyDocumentJson } from './policy-document.js'

/**
 * Checks a policy document (its JSON form, or a parsed one) and computes its hash for its circuit version (default
 * 2): types, ranges the circuit accepts, and, if the document states a `hash`, that the rules hash to it. Throws InvalidInputError or
 * OutOfRangeError naming the field (e.g. "policyDocument.rules.minKycLevel").
 * @example
 * const document = parsePolicyDocument(JSON.parse(readFileSync('accredited.json', 'utf8')))
 * console.log(document.hash) // what setPolicy registers
 */
export function parsePolicyDocument(input: unknown, root = 'policyDocument'): PolicyDocument {
  const raw = isParsed(input) ? toPolicyDocumentJson(input) : input
  const { id, rules, hash: stated, validityPeriod, circuitVersion = CURRENT_CIRCUIT_VERSION, ...about } = parseWith(policyDocumentSchema, raw, root)
  const policyRules = { policyId: id, ...rules, validityPeriod }
  checkPolicyRanges(policyRules, `${root}.rules`, `${root}.id`)
  const hash = hashPolicy(policyRules, circuitVersion)
  if (stated !== undefined && stated !== hash)
    throw new InvalidInputError({
      field: `${root}.hash`,
      rule: `does not match the rules and validity period, which hash to ${hash} for circuit version ${circuitVersion}`,
    })
  return {
    id,
    ...about,
    validityPeriod,
    circuitVersion,
    rules: { ...policyRules, allowedJurisdictions: [...policyRules.allowedJurisdictions] },
    hash,
  }
}

/** The JSON form of a policy document (bigints as decimal strings), with its hash: what to publish. */
export function toPolicyDocumentJson(document: PolicyDocument): PolicyDocumentJson {
  const { policyId: _policyId, validityPeriod: _validityPeriod, ...rules } = document.rules
  return {
    id: document.id.toString(),
    name: document.name,
    version: document.version,
    description: document.description,
    validityPeriod: document.validityPeriod,
    ...(document.circuitVersion !== CURRENT_CIRCUIT_VERSION ? { circuitVersion: document.circuitVersion } : {}),
    rules: {
      minNetCapital: rules.minNetCapital.toString(),
      minKycLevel: rules.minKycLevel,
      maxRiskScore: rules.maxRiskScore,
      allowedJurisdictions: [...rules.allowedJurisdictions],
    },
    hash: document.hash.toString(),
  }
}

function isParsed(input: unknown): input is PolicyDocument {
  return (
    !!input && typeof input === 'object' && typeof (input as PolicyDocument).id === 'bigint' && typeof (input as PolicyDocument).rules?.policyId === 'bigint'
  )
}
