import { version } from './version.js'

export type ProofXErrorParameters = {
  /** Why it failed, in a sentence the end user can act on. */
  details?: string | undefined
  /** Lines on how to fix it, shown under the message. */
  metaMessages?: string[] | undefined
  cause?: unknown
  docsPath?: string | undefined
}

export type ProofXErrorType = ProofXError & { name: 'ProofXError' }

/**
 * Base class of every error the SDK throws (modelled on viem's BaseError).
 * `shortMessage` is the one-line reason; `message` adds meta lines, details and the version.
 * Subclasses set a literal `name` so callers can narrow with `error.name === 'CredentialExpiredError'`.
 */
export class ProofXError extends Error {
  details: string
  metaMessages: string[] | undefined
  shortMessage: string
  docsPath: string | undefined
  version = `@proofx/sdk@${version}`
  override name = 'ProofXError'

  constructor(shortMessage: string, parameters: ProofXErrorParameters = {}) {
    const details =
      parameters.details ??
      (parameters.cause instanceof ProofXError ? parameters.cause.details : parameters.cause instanceof Error ? parameters.cause.message : '')
    const message = [
      shortMessage || 'An error occurred.',
      ...(parameters.metaMessages?.length ? ['', ...parameters.metaMessages] : []),
      ...(details && details !== shortMessage ? ['', `Details: ${details}`] : []),
      ...(parameters.docsPath ? [`Docs: ${parameters.docsPath}`] : []),
      `Version: @proofx/sdk@${version}`,
    ].join('\n')
    super(message, parameters.cause !== undefined ? { cause: parameters.cause } : undefined)
    this.details = details
    this.metaMessages = parameters.metaMessages
    this.shortMessage = shortMessage
    this.docsPath = parameters.docsPath
  }

  /** Follows the cause chain; returns the first error `fn` accepts (or the deepest one without `fn`). */
  walk(fn?: (error: unknown) => boolean): unknown {
    return walk(this, fn)
  }
}

function walk(error: unknown, fn?: (error: unknown) => boolean): unknown {
  if (fn?.(error)) return error
  if (error && typeof error === 'object' && 'cause' in error && error.cause !== undefined) return walk(error.cause, fn)
  return fn ? null : error
}
