import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { z } from 'zod'
import { InvalidInputError, ProofXError } from '@proofx/sdk'
import { hashApiKey } from '../server/api-keys.js'

export type ApiKeysFileErrorType = ApiKeysFileError & { name: 'ApiKeysFileError' }
/** The API keys file cannot be read or is not one. */
export class ApiKeysFileError extends ProofXError {
  override name = 'ApiKeysFileError' as const
  readonly path: string
  constructor(shortMessage: string, { path, cause }: { path: string; cause?: unknown }) {
    super(shortMessage, {
      details: `API keys file ${path}`,
      cause,
      metaMessages: ['Create one with `proofx issuer api-key create --api-keys <file> --name <who>`.'],
    })
    this.path = path
  }
}

const apiKeysFileSchema = z.object({
  kind: z.literal('proofx-issuer-api-keys'),
  version: z.literal(1),
  keys: z.array(
    z.object({
      name: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the 64 hex digits of a sha256'),
      createdAt: z.string(),
    }),
  ),
})

/** issuer-api-keys.json: who may call the issuance service, as sha256 hashes of their keys (never the keys). */
export type ApiKeysFile = z.infer<typeof apiKeysFileSchema>

/** Reads and checks an API keys file. */
export async function readApiKeysFile(path: string): Promise<ApiKeysFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    throw new ApiKeysFileError('Cannot read the API keys file.', { path, cause })
  }
  let parsed: ReturnType<typeof apiKeysFileSchema.safeParse>
  try {
    parsed = apiKeysFileSchema.safeParse(JSON.parse(text))
  } catch (cause) {
    throw new ApiKeysFileError('The API keys file is not JSON.', { path, cause })
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ApiKeysFileError(`Not a ProofX issuer API keys file: ${issue.path.join('.') || '(root)'} ${issue.message}.`, { path })
  }
  return parsed.data
}

/**
 * Makes a new API key for the issuance service: 32 random bytes, base64url, with a `pxi_` prefix (so a leaked one
 * is recognisable). Appends its sha256 to the file (created with mode 0600 if missing) and returns the key, which
 * is shown once and stored nowhere.
 */
export async function createApiKey(path: string, name: string): Promise<{ name: string; key: string; sha256: string }> {
  if (!/^[\w.@-]{1,64}$/.test(name)) throw new InvalidInputError({ field: '--name', rule: 'must be 1-64 letters, digits, or . _ @ -' })
  let file: ApiKeysFile = { kind: 'proofx-issuer-api-keys', version: 1, keys: [] }
  try {
    file = await readApiKeysFile(path)
  } catch (error) {
    if (!((error as { cause?: NodeJS.ErrnoException }).cause?.code === 'ENOENT')) throw error
  }
  if (file.keys.some((entry) => entry.name === name)) throw new InvalidInputError({ field: '--name', rule: `"${name}" already has a key in ${path}` })
  const key = `pxi_${randomBytes(32).toString('base64url')}`
  const sha256 = hashApiKey(key)
  file.keys.push({ name, sha256, createdAt: new Date().toISOString() })
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 })
  return { name, key, sha256 }
}
