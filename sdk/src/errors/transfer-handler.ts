import { transferHandlers, type TransferHandler } from 'comlink'
import { deserializeError, serializeError, type SerializedError } from './serialize-error.js'

type Thrown = { value: unknown }
type WireThrown = { proofxError: SerializedError } | { other: unknown }

let installed = false

/**
 * Comlink's own error transfer keeps only message, name and stack. This replaces its "throw" handler so
 * a thrown error arrives as an instance of the same class with its fields and cause chain
 * (e.g. `instanceof CredentialExpiredError`). Both sides of the boundary must call it; the SDK does.
 */
export function installErrorTransferHandler(): void {
  if (installed) return
  installed = true
  const original = transferHandlers.get('throw') as TransferHandler<Thrown, unknown>
  const handler: TransferHandler<Thrown, WireThrown> = {
    canHandle: (value): value is Thrown => original.canHandle(value),
    serialize(thrown) {
      if (thrown.value instanceof Error) return [{ proofxError: serializeError(thrown.value) }, []]
      const [other, transferables] = original.serialize(thrown)
      return [{ other }, transferables]
    },
    deserialize(wire) {
      if ('proofxError' in wire) throw deserializeError(wire.proofxError)
      return original.deserialize(wire.other)
    },
  }
  transferHandlers.set('throw', handler as TransferHandler<unknown, unknown>)
}
