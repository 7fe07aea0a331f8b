import { InvalidInputError } from '../errors/validation.js'
import { checkPolicyRanges } from '../validation/check-ranges.js'
import { policyDocumentSchema } from '../validation/input-schemas.js'
import { parseWith } from '../validation/parse-input.js'
import { buildPolicy } from './build-policy.js'
import type { PolicyDocument, PolicyDocumentJson } from './policy-document.js'

/**
 * Checks a policy document (its JSON form, or a parsed one) and computes its hash: types, ranges the circuit
 * accepts, and, if the document states a `hash`, that the rules hash to it. Throws InvalidInputError or
 * OutOfRangeError naming the field (e.g. "policyDocument.rules.minKycLevel").
 * @example
 * const document = parsePolicyDocument(JSON.parse(readFileSync('accredited.json', 'utf8')))
 * console.log(document.hash) // what setPolicy registers
 */
export function parsePolicyDocument(input: unknown, root = 'policyDocument'): PolicyDocument {
  const raw = isParsed(input) ? toPolicyDocumentJson(input) : input
  const { id, rules, hash: stated, validityPeriod, ...about } = parseWith(policyDocumentSchema, raw, root)
  const policyRules = { policyId: id, ...rules }
  checkPolicyRanges(policyRules, `${root}.rules`, `${root}.id`)
  const hash = buildPolicy(policyRules).hash
  if (stated !== undefined && stated !== hash) throw new InvalidInputError({ field: `${root}.hash`, rule: `does not match the rules, which hash to ${hash}` })
  return {
    id,
    ...about,
    ...(validityPeriod !== undefined ? { validityPeriod } : {}),
    rules: { ...policyRules, allowedJurisdictions: [...policyRules.allowedJurisdictions] },
    hash,
  }
}

/** The JSON form of a policy document (bigints as decimal strings), with its hash: what to publish. */
export function toPolicyDocumentJson(document: PolicyDocument): PolicyDocumentJson {
  const { policyId: _policyId, ...rules } = document.rules
  return {
    id: document.id.toString(),
    name: document.name,
    version: document.version,
    description: document.description,
    ...(document.validityPeriod !== undefined ? { validityPeriod: document.validityPeriod } : {}),
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
