import { getAddress, isAddress, isHex, type Address, type Hex } from 'viem'
import { InvalidDeploymentError } from '../errors/deployment.js'
import { ProofXError } from '../errors/base.js'
import { parsePolicyDocument } from '../policies/parse-policy-document.js'
import type { PolicyDocument } from '../policies/policy-document.js'
import type { ProofXDeployment, PublishedPolicyDocument } from './types.js'

type Raw = Record<string, unknown>

const integer = (value: unknown, field: string, source: string | undefined): bigint => {
  if (typeof value === 'bigint' && value >= 0n) return value
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value)
  if (typeof value === 'string' && /^(0x[0-9a-fA-F]+|\d+)$/.test(value)) return BigInt(value)
  throw new InvalidDeploymentError({ field, rule: 'expected a non-negative integer (number, decimal or hex string)', source })
}

const address = (value: unknown, field: string, source: string | undefined): Address => {
  if (typeof value !== 'string' || !isAddress(value, { strict: false }))
    throw new InvalidDeploymentError({ field, rule: 'expected a 20-byte hex address', source })
  return getAddress(value)
}

const bytes32 = (value: unknown, field: string, source: string | undefined): Hex => {
  if (typeof value !== 'string' || !isHex(value) || value.length !== 66)
    throw new InvalidDeploymentError({ field, rule: 'expected a 32-byte hex string', source })
  return value
}

const isUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value, 'http://relative.invalid/').protocol)
  } catch {
    return false
  }
}

/** Bundled documents are checked now (names, ids, rules, stated hash); URLs when fetched. */
function policyDocuments(input: unknown, policies: Record<string, bigint>, source: string | undefined): Record<string, PublishedPolicyDocument> {
  if (input === undefined || input === null) return {}
  if (typeof input !== 'object' || Array.isArray(input))
    throw new InvalidDeploymentError({ field: 'policyDocuments', rule: 'expected an object of policy name -> document or { url }', source })
  return Object.fromEntries(
    Object.entries(input as Raw).map(([name, entry]): [string, PublishedPolicyDocument] => {
      const field = `policyDocuments.${name}`
      if (entry && typeof entry === 'object' && 'url' in entry && Object.keys(entry).length === 1) {
        const url = (entry as { url: unknown }).url
        if (typeof url !== 'string' || !isUrl(url))
          throw new InvalidDeploymentError({ field: `${field}.url`, rule: 'expected an http(s) or relative URL', source })
        return [name, { url }]
      }
      let document: PolicyDocument
      try {
        document = parsePolicyDocument(entry, field)
      } catch (cause) {
        if (!(cause instanceof ProofXError && 'field' in cause)) throw cause
        throw new InvalidDeploymentError({ field: String(cause.field), rule: String((cause as { rule?: string }).rule ?? cause.shortMessage), source, cause })
      }
      if (document.name !== name) throw new InvalidDeploymentError({ field: `${field}.name`, rule: `expected "${name}", the key it is listed under`, source })
      if (name in policies && policies[name] !== document.id)
        throw new InvalidDeploymentError({ field: `${field}.id`, rule: `expected ${policies[name]}, the id policies.${name} names`, source })
      return [name, document]
    }),
  )
}

/**
 * Checks a deployment record (JSON from the deploy script, or typed by hand) and converts it: numbers and
 * numeric strings become bigints, addresses are checksummed. `source` names the file in error messages.
 * @example
 * import deployment31337 from './31337.json'
 * registerDeployment(parseDeployment(deployment31337))
 */
export function parseDeployment(input: unknown, source?: string): ProofXDeployment {
  if (!input || typeof input !== 'object') throw new InvalidDeploymentError({ field: '(root)', rule: 'expected an object', source })
  const raw = input as Raw
  const chainId = integer(raw.chainId, 'chainId', source)
  if (chainId === 0n || chainId >= 1n << 64n) throw new InvalidDeploymentError({ field: 'chainId', rule: 'expected a chain id between 1 and 2^64 - 1', source })
  if (!raw.policies || typeof raw.policies !== 'object')
    throw new InvalidDeploymentError({ field: 'policies', rule: 'expected an object of policy name -> id', source })
  const policies = Object.fromEntries(Object.entries(raw.policies as Raw).map(([name, id]) => [name, integer(id, `policies.${name}`, source)]))
  return {
    chainId: Number(chainId),
    policyDocuments: policyDocuments(raw.policyDocuments, policies, source),
    proxy: address(raw.proxy, 'proxy', source),
    implementation: address(raw.implementation, 'implementation', source),
    groth16Verifier: address(raw.groth16Verifier, 'groth16Verifier', source),
    groth16BatchVerifier:
      raw.groth16BatchVerifier === undefined || raw.groth16BatchVerifier === null
        ? undefined
        : address(raw.groth16BatchVerifier, 'groth16BatchVerifier', source),
    vkeyHash: bytes32(raw.vkeyHash, 'vkeyHash', source),
    deployBlock: integer(raw.deployBlock ?? 0, 'deployBlock', source),
    policies,
    issuerKeyHash: raw.issuerKeyHash === undefined || raw.issuerKeyHash === null ? undefined : integer(raw.issuerKeyHash, 'issuerKeyHash', source),
  }
}
