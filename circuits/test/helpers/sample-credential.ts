import { hexToBigInt, type Address } from 'viem'
import { buildCircuitInput, type ComplianceCircuitInput } from '../../../sdk/src/credentials/build-circuit-input.js'
import { computeNullifier } from '../../../sdk/src/credentials/compute-nullifier.js'
import { computeScope } from '../../../sdk/src/credentials/compute-scope.js'
import { hashIssuerKey } from '../../../sdk/src/credentials/hash-issuer-key.js'
import { packContext } from '../../../sdk/src/credentials/pack-context.js'
import { signCredential } from '../../../sdk/src/credentials/sign-credential.js'
import type { CredentialAttributes, IssuerKey, SignedCredential } from '../../../sdk/src/credentials/types.js'
import { demoIssuer } from '../../../sdk/src/demo/demo-issuer.js'
import { DEMO_POLICIES } from '../../../sdk/src/demo/demo-policies.js'
import { buildPolicy, type Policy } from '../../../sdk/src/policies/build-policy.js'

// Fixed values so a failing test is reproducible. 2026-01-01T00:00:00Z.
export const NOW = 1_767_225_600n
export const SUBJECT: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
export const VERIFIER: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
export const SCOPE = computeScope(31337, VERIFIER)

export const issuer: IssuerKey = demoIssuer()
export const policy: Policy = buildPolicy(DEMO_POLICIES.accredited)

/** Attributes that meet the accredited policy with a margin on every rule. */
export const validAttributes: CredentialAttributes = {
  subject: SUBJECT,
  assets: 2_000_000n,
  liabilities: 500_000n,
  kycLevel: 3,
  riskScore: 20,
  jurisdiction: 276,
  issuedAt: NOW - 86_400n,
  expiresAt: NOW + 365n * 86_400n,
  salt: 0x1d3c5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2n,
}

/** A credential signed by `signer` (the demo issuer unless given) over `attributes` with some overridden. */
export function signed(overrides: Partial<CredentialAttributes> = {}, signer: Pick<IssuerKey, 'privateKey' | 'publicKey'> = issuer): SignedCredential {
  return signCredential(signer, { ...validAttributes, ...overrides })
}

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
