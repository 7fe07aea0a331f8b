import { describe, expect, test } from 'vitest'
import { signed } from '@proofx/test-helpers/sample-credential'
import { verifyCredentialSignature } from './verify-credential-signature.js'

describe('verifyCredentialSignature', () => {
  test('a signed credential verifies, again from memory', () => {
    const credential = signed()
    expect(verifyCredentialSignature(credential)).toBe(true)
    expect(verifyCredentialSignature(signed())).toBe(true)
  })

  test('remembering a valid credential never lets a changed copy through', () => {
    const credential = signed()
    expect(verifyCredentialSignature(credential)).toBe(true)
    const richer = { ...credential, attributes: { ...credential.attributes, assets: credential.attributes.assets + 1n } }
    expect(verifyCredentialSignature(richer)).toBe(false)
    const otherSignature = { ...credential, signature: { ...credential.signature, S: credential.signature.S + 1n } }
    expect(verifyCredentialSignature(otherSignature)).toBe(false)
    expect(verifyCredentialSignature(otherSignature)).toBe(false)
  })
})
