import { readFile } from 'node:fs/promises'
import { InvalidInputError, parsePolicyDocument, type PolicyDocument } from '@proofx/sdk'

/**
 * Reads a policy document file and checks it with the SDK's parsePolicyDocument, which also computes the hash the
 * contract stores (the SDK's one definition of it). Errors name the field ("policyDocument.rules.minKycLevel").
 */
export async function readPolicyDocumentFile(path: string): Promise<PolicyDocument> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new InvalidInputError({ field: 'policyDocument', rule: `cannot be read from ${path} (${(cause as Error).message})`, cause })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw new InvalidInputError({ field: 'policyDocument', rule: `must be JSON text (${(cause as Error).message})`, cause })
  }
  return parsePolicyDocument(json)
}
