import * as artifactErrors from './artifacts.js'
import { ProofXError } from './base.js'
import * as contractErrors from './contract.js'
import * as deployErrors from './deploy.js'
import * as deploymentErrors from './deployment.js'
import * as engineErrors from './engine.js'
import * as policyErrors from './policy.js'
import * as holderErrors from './holder.js'
import * as proverErrors from './prover.js'
import * as validationErrors from './validation.js'

/** A structured-clone-safe form of an error: what crosses a worker boundary. */
export type SerializedError = {
  name: string
  message: string
  stack?: string | undefined
  /** Own fields of the error (shortMessage, details, field, rule, expected, ...). */
  fields: Record<string, unknown>
  cause?: SerializedError | { value: unknown } | undefined
  proofx: boolean
}

type ErrorClass = abstract new (...args: never[]) => Error

const registry = new Map<string, ErrorClass>()

/** Makes `deserializeError` rebuild errors of this class by name. Every SDK error class is registered. */
export function registerErrorClass(name: string, errorClass: ErrorClass): void {
  registry.set(name, errorClass)
}

registerErrorClass('ProofXError', ProofXError)
for (const module of [
  validationErrors,
  artifactErrors,
  proverErrors,
  contractErrors,
  deploymentErrors,
  deployErrors,
  engineErrors,
  policyErrors,
  holderErrors,
] as Record<string, unknown>[])
  for (const [name, value] of Object.entries(module))
    if (typeof value === 'function' && value.prototype instanceof ProofXError) registerErrorClass(name, value as ErrorClass)

const cloneable = (value: unknown) => {
  try {
    structuredClone(value)
    return true
  } catch {
    return false
  }
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {}, proofx: false }
  const fields: Record<string, unknown> = {}
  for (const key of Object.keys(error)) {
    if (key === 'cause' || key === 'message' || key === 'stack') continue
    const value = (error as unknown as Record<string, unknown>)[key]
    if (cloneable(value)) fields[key] = value
  }
  const cause =
    error.cause === undefined
      ? undefined
      : error.cause instanceof Error
        ? serializeError(error.cause)
        : cloneable(error.cause)
          ? { value: error.cause }
          : undefined
  return { name: error.name, message: error.message, stack: error.stack, fields, cause, proofx: error instanceof ProofXError }
}

/** Rebuilds an error of the registered class (so `instanceof` and `name` work), without rerunning its constructor. */
export function deserializeError(serialized: SerializedError): Error {
  const errorClass = registry.get(serialized.name) ?? (serialized.proofx ? ProofXError : Error)
  const error = Object.create(errorClass.prototype) as Error
  Object.defineProperty(error, 'message', { value: serialized.message, writable: true, configurable: true })
  if (serialized.stack !== undefined) Object.defineProperty(error, 'stack', { value: serialized.stack, writable: true, configurable: true })
  Object.assign(error, serialized.fields)
  if (errorClass === Error || errorClass === ProofXError) error.name = serialized.name
  if (serialized.cause !== undefined) {
    const cause = 'fields' in serialized.cause ? deserializeError(serialized.cause) : serialized.cause.value
    Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true })
  }
  return error
}
