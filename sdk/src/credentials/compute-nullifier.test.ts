import { expect, test } from 'vitest'
import { SCOPE, validAttributes } from '@proofx/test-helpers/sample-credential'
import { computeNullifier } from './compute-nullifier.js'
import { computeScope } from './compute-scope.js'
import { hashCredential } from './hash-credential.js'

test('the nullifier from the credential hash alone equals the one from the attributes (what a ledger can revoke with)', () => {
  expect(computeNullifier(hashCredential(validAttributes), SCOPE)).toBe(computeNullifier(validAttributes, SCOPE))
  // Another deployment, another nullifier.
  expect(computeNullifier(validAttributes, computeScope(1, '0x5FbDB2315678afecb367f032d93F642f64180aa3'))).not.toBe(computeNullifier(validAttributes, SCOPE))
})
