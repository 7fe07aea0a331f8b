import * as Comlink from 'comlink'
import { MessageChannel } from 'node:worker_threads'
import { afterEach, describe, expect, test } from 'vitest'
import { ArtifactIntegrityError, VerificationKeyNotAvailableError } from './artifacts.js'
import * as errors from './index.js'
import { ProofXError } from './base.js'
import { ProofTimeoutError, WorkerCrashedError } from './prover.js'
import { deserializeError, serializeError } from './serialize-error.js'
import { installErrorTransferHandler } from './transfer-handler.js'
import { CredentialExpiredError, InvalidInputError, OutOfRangeError } from './validation.js'

describe('serializeError / deserializeError', () => {
  test('a typed error keeps its class, name, fields and messages through structuredClone', () => {
    const error = new CredentialExpiredError({ expiresAt: 1_767_225_600n, now: 1_767_225_601n })
    const copy = deserializeError(structuredClone(serializeError(error)))
    expect(copy).toBeInstanceOf(CredentialExpiredError)
    expect(copy).toBeInstanceOf(ProofXError)
    expect(copy).toMatchObject({
      name: 'CredentialExpiredError',
      field: 'expiresAt',
      shortMessage: error.shortMessage,
      details: error.details,
      metaMessages: error.metaMessages,
      message: error.message,
    })
    expect(copy.stack).toBe(error.stack)
  })

  test('fields set in the constructor survive (field, rule, expected, actual, timeout)', () => {
    const cases = [
      new OutOfRangeError({ field: 'credential.attributes.kycLevel', rule: 'must fit in 8 bits', value: 300 }),
      new ArtifactIntegrityError({ artifact: 'zkey', source: 'x.zkey', expected: 'aa', actual: 'bb' }),
      new ProofTimeoutError({ timeout: 10 }),
      new VerificationKeyNotAvailableError({ expected: `0x${'cd'.repeat(32)}`, available: [`0x${'ab'.repeat(32)}`], baseUrl: 'https://cdn.example/zk' }),
    ]
    for (const error of cases) {
      const copy = deserializeError(structuredClone(serializeError(error)))
      expect(copy.constructor).toBe(error.constructor)
      expect({ ...copy }).toEqual({ ...error })
    }
  })

  test('the cause chain is kept, including plain errors and non-error causes', () => {
    const root = new TypeError('boom')
    const error = new WorkerCrashedError({ reason: 'exit 1', cause: new InvalidInputError({ field: 'now', rule: 'bad', cause: root }) })
    const copy = deserializeError(structuredClone(serializeError(error))) as ProofXError
    const inner = copy.cause as InvalidInputError
    expect(inner).toBeInstanceOf(InvalidInputError)
    expect(inner.field).toBe('now')
    expect(inner.cause).toMatchObject({ name: 'TypeError', message: 'boom' })
    expect(copy.walk()).toMatchObject({ message: 'boom' })
    expect(deserializeError(serializeError(new ProofXError('x', { cause: { code: 42 } }))).cause).toEqual({ code: 42 })
  })

  test('unknown error names fall back to Error with the name kept', () => {
    class Custom extends Error {
      override name = 'SomeLibraryError'
    }
    const copy = deserializeError(serializeError(new Custom('hi')))
    expect(copy).toBeInstanceOf(Error)
    expect(copy).toMatchObject({ name: 'SomeLibraryError', message: 'hi' })
  })
})

describe('every SDK error class', () => {
  test('is registered, so it crosses a worker boundary with its class (exhaustive over the errors module)', () => {
    const classes = Object.entries(errors).filter(([, value]) => typeof value === 'function' && value.prototype instanceof ProofXError)
    expect(classes.length).toBeGreaterThan(40)
    for (const [name, errorClass] of classes) {
      const error = Object.create((errorClass as typeof ProofXError).prototype) as ProofXError
      Object.assign(error, { name, message: name })
      expect(deserializeError(serializeError(error)), name).toBeInstanceOf(errorClass as typeof ProofXError)
    }
  })
})

describe('Comlink transfer handler', () => {
  const ports: MessageChannel[] = []
  afterEach(() => {
    for (const c of ports.splice(0)) {
      c.port1.close()
      c.port2.close()
    }
  })

  test('a typed error thrown on one side arrives typed on the other', async () => {
    installErrorTransferHandler()
    const channel = new MessageChannel()
    ports.push(channel)
    Comlink.expose(
      {
        fail: () => {
          throw new CredentialExpiredError({ expiresAt: 10n, now: 20n })
        },
      },
      channel.port1 as unknown as Comlink.Endpoint,
    )
    const remote = Comlink.wrap<{ fail(): void }>(channel.port2 as unknown as Comlink.Endpoint)
    const error = await remote.fail().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CredentialExpiredError)
    expect(error).toMatchObject({ field: 'expiresAt', shortMessage: expect.stringContaining('1970-01-01T00:00:10.000Z') })
    remote[Comlink.releaseProxy]()
  })
})
