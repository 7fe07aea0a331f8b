import { readFile, writeFile } from 'node:fs/promises'
import { InvalidInputError, parseDeployment, toPolicyDocumentJson, type PolicyDocument } from '@proofx/sdk'

type DeploymentJson = Record<string, unknown> & { policies?: Record<string, unknown>; policyDocuments?: Record<string, unknown> }

/**
 * Refuses, before anything is sent, a document the deployment file lists differently: its name under another id,
 * or its id under another name (the file maps names to ids one to one, and the SDK reads it that way).
 */
export async function checkPolicyFitsDeploymentFile(path: string, document: PolicyDocument): Promise<DeploymentJson> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as DeploymentJson
  const deployment = parseDeployment(raw, path)
  const listedId = deployment.policies[document.name]
  if (listedId !== undefined && listedId !== document.id)
    throw new InvalidInputError({ field: 'policyDocument.id', rule: `must be ${listedId}: ${path} lists "${document.name}" as policy ${listedId}` })
  const otherName = Object.entries(deployment.policies).find(([name, id]) => id === document.id && name !== document.name)?.[0]
  if (otherName !== undefined)
    throw new InvalidInputError({ field: 'policyDocument.name', rule: `must be "${otherName}": ${path} lists policy ${document.id} under that name` })
  return raw
}

/**
 * After setPolicy: lists the document in the deployment file (policies[name] = id, policyDocuments[name] = the
 * document), so the file stays the one place a dApp reads which policies a deployment has. A document published by
 * URL stays listed by its URL: what must change then is the file at that URL. Other fields are kept as they are.
 */
export async function listPolicyInDeploymentFile(
  path: string,
  raw: DeploymentJson,
  document: PolicyDocument,
): Promise<{ listed: 'bundled' | 'url'; url?: string | undefined }> {
  const current = raw.policyDocuments?.[document.name]
  const url = current && typeof current === 'object' && 'url' in current ? String((current as { url: unknown }).url) : undefined
  const id = document.id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(document.id) : document.id.toString()
  const next: DeploymentJson = {
    ...raw,
    policies: { ...raw.policies, [document.name]: id },
    policyDocuments: { ...raw.policyDocuments, [document.name]: url === undefined ? toPolicyDocumentJson(document) : { url } },
  }
  parseDeployment(next, path) // what is written must read back
  await writeFile(path, `${JSON.stringify(next, null, 2)}\n`)
  return url === undefined ? { listed: 'bundled' } : { listed: 'url', url }
}
