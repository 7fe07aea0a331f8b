import { readFile, writeFile } from 'node:fs/promises'
import { InvalidInputError, parseDeployment, toPolicyDocumentJson, type PolicyDocument } from '@proofx/sdk'

export type DeploymentJson = Record<string, unknown> & { policies?: Record<string, unknown>; policyDocuments?: Record<string, unknown> }

/** How one document was listed: bundled in the file, or by the URL the file already gave it (publish it there). */
export type ListedPolicy = { name: string; listed: 'bundled' | 'url'; url?: string | undefined }

/**
 * Refuses, before anything is sent, documents the deployment file lists differently: a name under another id, or an
 * id under another name (the file maps names to ids one to one, and the SDK reads it that way); also two of the
 * documents given together that disagree so. `proofx policy set` and `proofx admin set-policy` both check here.
 */
export async function checkPoliciesFitDeploymentFile(path: string, documents: readonly PolicyDocument[]): Promise<DeploymentJson> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as DeploymentJson
  const listed = new Map(Object.entries(parseDeployment(raw, path).policies))
  for (const document of documents) {
    const listedId = listed.get(document.name)
    if (listedId !== undefined && listedId !== document.id)
      throw new InvalidInputError({ field: 'policyDocument.id', rule: `must be ${listedId}: ${path} lists "${document.name}" as policy ${listedId}` })
    const otherName = [...listed].find(([name, id]) => id === document.id && name !== document.name)?.[0]
    if (otherName !== undefined)
      throw new InvalidInputError({ field: 'policyDocument.name', rule: `must be "${otherName}": ${path} lists policy ${document.id} under that name` })
    // The next document is checked against this one too, as it will be listed.
    listed.set(document.name, document.id)
  }
  return raw
}

/**
 * After setPolicy has run (sent by the key, or executed by the Safe): lists each document in the deployment file
 * (policies[name] = id, policyDocuments[name] = the document), so the file stays the one place a dApp reads which
 * policies a deployment has. A document published by URL stays listed by its URL: what must change then is the file
 * at that URL. Other fields are kept as they are. `raw` is what checkPoliciesFitDeploymentFile read.
 */
export async function listPoliciesInDeploymentFile(path: string, raw: DeploymentJson, documents: readonly PolicyDocument[]): Promise<ListedPolicy[]> {
  const listed: ListedPolicy[] = []
  const next: DeploymentJson = { ...raw, policies: { ...raw.policies }, policyDocuments: { ...raw.policyDocuments } }
  for (const document of documents) {
    const current = raw.policyDocuments?.[document.name]
    const url = current && typeof current === 'object' && 'url' in current ? String((current as { url: unknown }).url) : undefined
    next.policies![document.name] = document.id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(document.id) : document.id.toString()
    next.policyDocuments![document.name] = url === undefined ? toPolicyDocumentJson(document) : { url }
    listed.push(url === undefined ? { name: document.name, listed: 'bundled' } : { name: document.name, listed: 'url', url })
  }
  parseDeployment(next, path) // what is written must read back
  await writeFile(path, `${JSON.stringify(next, null, 2)}\n`)
  return listed
}
