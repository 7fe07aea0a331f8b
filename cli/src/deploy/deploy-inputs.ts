import { readFileSync } from 'node:fs'
import { getAddress, isAddress, type Address } from 'viem'
import { z } from 'zod'
import { ProofXError, type PolicyDocument, type VerificationKey } from '@proofx/sdk'
import type { DeployIssuer } from '@proofx/sdk/deploy'
import { readPolicyDocumentFile } from '../policy/read-policy-document.js'
import { InvalidDeployInputError } from './deploy-errors.js'

const issuerEntry = z.object({
  keyHash: z.union([z.string().regex(/^(0x[0-9a-fA-F]+|\d+)$/, 'a decimal or 0x-hex integer'), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)]),
  revoker: z.string().refine((value) => isAddress(value, { strict: false }), 'a 20-byte hex address'),
})
/** An issuer file: one { keyHash, revoker } or a list of them. */
const issuerFile = z.union([issuerEntry, z.array(issuerEntry).min(1)])

function readJson(path: string, field: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new InvalidDeployInputError({ field, rule: `cannot be read (${path})`, cause })
  }
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new InvalidDeployInputError({ field, rule: 'is not valid JSON', source: path, cause })
  }
}

/**
 * Issuer keys to trust, from a JSON file: `{ "keyHash": "<hashIssuerKey, decimal>", "revoker": "0x…" }` or a list.
 * The key hash is public (what the issuer publishes); the issuer's private key never comes near a deployment.
 */
export function readIssuerFile(path: string): DeployIssuer[] {
  const parsed = issuerFile.safeParse(readJson(path, '--issuer'))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new InvalidDeployInputError({
      field: issue.path.length ? issue.path.join('.') : '(root)',
      rule: `expected ${issue.message === 'Invalid input' ? '{ keyHash, revoker } or a list of them' : issue.message}`,
      source: path,
    })
  }
  const entries = Array.isArray(parsed.data) ? parsed.data : [parsed.data]
  return entries.map((entry) => ({ keyHash: BigInt(entry.keyHash), revoker: getAddress(entry.revoker) as Address }))
}

/**
 * A published policy document (what `proofx policy` writes), read by the CLI's one policy reader; its errors become
 * the deploy command's, naming the file.
 */
export async function readDeployPolicy(path: string): Promise<PolicyDocument> {
  try {
    return await readPolicyDocumentFile(path)
  } catch (cause) {
    if (!(cause instanceof ProofXError)) throw cause
    const field = (cause as { field?: string }).field
    throw new InvalidDeployInputError({
      field: !field || field === 'policyDocument' ? '--policy' : field,
      rule: String((cause as { rule?: string }).rule ?? cause.shortMessage),
      source: path,
      cause,
    })
  }
}

/** The circuit's verification key (circuits/artifacts/verification_key.json). */
export function readVerificationKeyFile(path: string): VerificationKey {
  return readJson(path, '--vkey') as VerificationKey
}
