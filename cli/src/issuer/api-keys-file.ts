import { randomBytes } from 'node:crypto'
import { readFile, rename, stat, writeFile } from 'node:fs/promises'
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
      /** Set by `api-key revoke`: the entry stays (who had a key, until when), the service refuses the key. */
      revokedAt: z.string().optional(),
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
  if (file.keys.some((entry) => entry.name === name))
    throw new InvalidInputError({
      field: '--name',
      rule: `"${name}" already has a key in ${path} (a revoked one too: names stay unique so the file tells who had which key)`,
    })
  const key = `pxi_${randomBytes(32).toString('base64url')}`
  const sha256 = hashApiKey(key)
  file.keys.push({ name, sha256, createdAt: new Date().toISOString() })
  await writeApiKeysFile(path, file)
  return { name, key, sha256 }
}

/** One entry as `api-key list` and `api-key revoke` print it: never a key (the file has none), its sha256 and state. */
export type ApiKeyEntry = { name: string; sha256: string; createdAt: string; status: 'active' | 'revoked'; revokedAt: string | null }
const entryOf = ({ name, sha256, createdAt, revokedAt }: ApiKeysFile['keys'][number]): ApiKeyEntry => ({
  name,
  sha256,
  createdAt,
  status: revokedAt === undefined ? 'active' : 'revoked',
  revokedAt: revokedAt ?? null,
})

/** The keys in the file, active and revoked, in the order they were made. */
export async function listApiKeys(path: string): Promise<ApiKeyEntry[]> {
  return (await readApiKeysFile(path)).keys.map(entryOf)
}

/**
 * Revokes the key named `name`: marks its entry `revokedAt` (kept, so the file still says who had a key and until
 * when). A running `proofx issuer serve` re-reads the file when it changes and refuses the key from its next request.
 * Revoking a revoked key changes nothing and says so.
 */
export async function revokeApiKey(path: string, name: string): Promise<ApiKeyEntry & { alreadyRevoked: boolean }> {
  const file = await readApiKeysFile(path)
  const entry = file.keys.find((candidate) => candidate.name === name)
  if (!entry)
    throw new InvalidInputError({ field: '--name', rule: `no key is named "${name}" in ${path} (${file.keys.map((k) => k.name).join(', ') || 'it has none'})` })
  if (entry.revokedAt !== undefined) return { ...entryOf(entry), alreadyRevoked: true }
  entry.revokedAt = new Date().toISOString()
  await writeApiKeysFile(path, file)
  return { ...entryOf(entry), alreadyRevoked: false }
}

/** The sha256 hashes the service accepts: those of keys not revoked. */
export const activeApiKeyHashes = (file: ApiKeysFile) => file.keys.filter((entry) => entry.revokedAt === undefined).map((entry) => entry.sha256)

/**
 * The active hashes of an API keys file, read again whenever the file changes (size, mtime or inode), so that a
 * running service honours `api-key create` and `api-key revoke` without a restart. Returns the same array while the
 * file is unchanged; a file that becomes unreadable throws (the service then refuses the request: it fails closed).
 */
export function watchActiveApiKeyHashes(path: string): () => Promise<readonly string[]> {
  let seen: { version: string; hashes: readonly string[] } | undefined
  return async () => {
    let version: string
    try {
      const info = await stat(path, { bigint: true })
      version = `${info.ino}:${info.size}:${info.mtimeNs}`
    } catch (cause) {
      throw new ApiKeysFileError('Cannot read the API keys file.', { path, cause })
    }
    if (seen?.version !== version) seen = { version, hashes: activeApiKeyHashes(await readApiKeysFile(path)) }
    return seen.hashes
  }
}

/** Writes the file whole, then renames it into place: a service reading it never sees half of it. Mode 0600. */
async function writeApiKeysFile(path: string, file: ApiKeysFile): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 })
  await rename(temporary, path)
}
