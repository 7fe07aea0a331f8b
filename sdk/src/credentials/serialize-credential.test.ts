import { describe, expect, test } from 'vitest'
import { signed } from '../../test-helpers/sample-credential.js'
import { InvalidInputError } from '../errors/validation.js'
import { deserializeCredential, serializeCredential } from './serialize-credential.js'

const fieldError = (field: string, rule: RegExp) => expect.objectContaining({ name: 'InvalidInputError', field, rule: expect.stringMatching(rule) })

describe('deserializeCredential', () => {
  test('round-trips serializeCredential, bigints included', () => {
    expect(deserializeCredential(serializeCredential(signed()))).toEqual(signed())
  })

  test('text that is not JSON: InvalidInputError at "credential", not a SyntaxError', () => {
    expect(() => deserializeCredential('not json')).toThrowError(InvalidInputError)
    expect(() => deserializeCredential('not json')).toThrowError(fieldError('credential', /must be JSON text/))
    expect(() => deserializeCredential('')).toThrowError(fieldError('credential', /must be JSON text/))
  })

  test('{} names the first missing field, not "Cannot read properties of undefined"', () => {
    expect(() => deserializeCredential('{}')).toThrowError(fieldError('credential.attributes', /required/))
  })

  test.each([
    ['credential.attributes.salt', (c: any) => delete c.attributes.salt, /required/],
    ['credential.attributes.assets', (c: any) => delete c.attributes.assets, /required/],
    ['credential.issuerPublicKey', (c: any) => delete c.issuerPublicKey, /required/],
    ['credential.signature.S', (c: any) => delete c.signature.S, /required/],
    ['credential.attributes.subject', (c: any) => (c.attributes.subject = 'alice'), /address/],
    ['credential.attributes.expiresAt', (c: any) => (c.attributes.expiresAt = 'soon'), /decimal/],
  ])('a credential with a bad %s names it', (field, mutate, rule) => {
    const json = JSON.parse(serializeCredential(signed()))
    mutate(json)
    expect(() => deserializeCredential(JSON.stringify(json))).toThrowError(fieldError(field, rule))
  })

  test.each(['null', '42', '"text"', '[]'])('JSON that is not an object (%s)', (text) => {
    expect(() => deserializeCredential(text)).toThrowError(fieldError('credential', /.+/))
  })
})
