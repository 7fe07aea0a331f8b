import { hexToBigInt } from 'viem'
import {
  buildCircuitInput,
  type ComplianceCircuitInput,
  computeNullifier,
  hashIssuerKey,
  packContext,
  PUBLIC_SIGNAL_NAMES,
  type PublicSignalName,
  type SignedCredential,
  buildPolicy,
  type Policy,
} from '@proofx/sdk'
import { NOW, SCOPE } from '@proofx/test-helpers/sample-credential'
import { DEMO_POLICIES } from '@proofx/sdk/demo'

// The SDK tests' fixed sample (credential, subject, time, scope) plus what only the circuit tests need.
export { NOW, SCOPE, SUBJECT, VERIFIER, issuer, signed, validAttributes } from '@proofx/test-helpers/sample-credential'

export const policy: Policy = buildPolicy(DEMO_POLICIES.accredited)

/** The witness input the SDK builds for a credential, the fixture policy, NOW and SCOPE unless given. */
export function inputFor(credential: SignedCredential, options: { policy?: Policy; now?: bigint; scope?: bigint } = {}): ComplianceCircuitInput {
  return buildCircuitInput({ credential, policy: options.policy ?? policy, now: options.now ?? NOW, scope: options.scope ?? SCOPE })
}

/** The public signals the SDK expects for a credential, in the circuit's order. */
export function expectedPublicSignals(credential: SignedCredential, options: { policy?: Policy; now?: bigint; scope?: bigint } = {}): bigint[] {
  const scope = options.scope ?? SCOPE
  const byName: Record<PublicSignalName, bigint> = {
    issuerKeyHash: hashIssuerKey(credential.issuerPublicKey),
    nullifier: computeNullifier(credential.attributes, scope),
    policyHash: (options.policy ?? policy).hash,
    context: packContext({ subject: hexToBigInt(credential.attributes.subject), now: options.now ?? NOW, scopeTag: scope }),
  }
  return PUBLIC_SIGNAL_NAMES.map((name) => byName[name])
}

/** Public signal names in circuit order: the SDK's layout, which the circuit tests check the compiled circuit against. */
export const PUBLIC_SIGNALS = PUBLIC_SIGNAL_NAMES

/** `input` with some of subject, now and scopeTag replaced and `context` packed again from the result. */
export function repacked(input: ComplianceCircuitInput, overrides: { subject?: bigint; now?: bigint; scopeTag?: bigint }): ComplianceCircuitInput {
  const next = { ...input, ...overrides }
  return { ...next, context: packContext({ subject: next.subject as bigint, now: next.now as bigint, scopeTag: next.scopeTag as bigint }) }
}
