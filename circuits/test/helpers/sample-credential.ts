import { hexToBigInt } from 'viem'
import { buildCircuitInput, type ComplianceCircuitInput } from '../../../sdk/src/credentials/build-circuit-input.js'
import { computeNullifier } from '../../../sdk/src/credentials/compute-nullifier.js'
import { hashIssuerKey } from '../../../sdk/src/credentials/hash-issuer-key.js'
import { packContext } from '../../../sdk/src/credentials/pack-context.js'
import type { SignedCredential } from '../../../sdk/src/credentials/types.js'
import { NOW, SCOPE } from '../../../sdk/test-helpers/sample-credential.js'
import { DEMO_POLICIES } from '../../../sdk/src/demo/demo-policies.js'
import { buildPolicy, type Policy } from '../../../sdk/src/policies/build-policy.js'

// The SDK tests' fixed sample (credential, subject, time, scope) plus what only the circuit tests need.
export { NOW, SCOPE, SUBJECT, VERIFIER, issuer, signed, validAttributes } from '../../../sdk/test-helpers/sample-credential.js'

export const policy: Policy = buildPolicy(DEMO_POLICIES.accredited)

/** The witness input the SDK builds for a credential, the fixture policy, NOW and SCOPE unless given. */
export function inputFor(credential: SignedCredential, options: { policy?: Policy; now?: bigint; scope?: bigint } = {}): ComplianceCircuitInput {
  return buildCircuitInput({ credential, policy: options.policy ?? policy, now: options.now ?? NOW, scope: options.scope ?? SCOPE })
}

/** The public signals the SDK expects for a credential, in the circuit's order. */
export function expectedPublicSignals(credential: SignedCredential, options: { policy?: Policy; now?: bigint; scope?: bigint } = {}): bigint[] {
  const scope = options.scope ?? SCOPE
  return [
    hashIssuerKey(credential.issuerPublicKey),
    computeNullifier(credential.attributes, scope),
    (options.policy ?? policy).hash,
    packContext({ subject: hexToBigInt(credential.attributes.subject), now: options.now ?? NOW, scopeTag: scope }),
  ]
}

/** Public signal names in order (circuits/README.md); the contract and the SDK depend on it. */
export const PUBLIC_SIGNALS = ['issuerKeyHash', 'nullifier', 'policyHash', 'context'] as const

/** `input` with some of subject, now and scopeTag replaced and `context` packed again from the result. */
export function repacked(input: ComplianceCircuitInput, overrides: { subject?: bigint; now?: bigint; scopeTag?: bigint }): ComplianceCircuitInput {
  const next = { ...input, ...overrides }
  return { ...next, context: packContext({ subject: next.subject as bigint, now: next.now as bigint, scopeTag: next.scopeTag as bigint }) }
}
