import type { Address } from 'viem'
import { randomSalt, signCredential, type PolicyRules, type SignedCredential, createProver, type Prover } from '@proofx/sdk'
import { demoIssuer } from '@proofx/sdk/demo'
import { committedArtifacts } from './committed-artifacts.js'

/** A prover on the committed circuit artifacts (the package copy exists only after a build). */
export function createTestProver(): Prover {
  return createProver({ artifacts: committedArtifacts() })
}

/** A demo-issuer credential that meets both demo policies, valid for a year around `now`. */
export function demoCredential(subject: Address, now: bigint): SignedCredential {
  return signCredential(demoIssuer(), {
    subject,
    assets: 900_000n,
    liabilities: 100_000n,
    kycLevel: 2,
    riskScore: 20,
    jurisdiction: 276,
    issuedAt: now - 3600n,
    expiresAt: now + 365n * 86_400n,
    salt: randomSalt(),
  })
}

export type TestProofParameters = {
  prover: Prover
  subject: Address
  policy: PolicyRules
  now: bigint
  chainId: number
  verifier: Address
  credential?: SignedCredential
}

export async function proveForTest({ prover, subject, policy, now, chainId, verifier, credential }: TestProofParameters) {
  const signed = credential ?? demoCredential(subject, now)
  const result = await prover.prove({ credential: signed, policy, subject, now, chainId, verifier })
  return { credential: signed, result }
}
