import type { Address } from 'viem'
import type { ArtifactSources } from '../../artifacts/types.js'
import { randomSalt } from '../../credentials/random-salt.js'
import { signCredential } from '../../credentials/sign-credential.js'
import type { SignedCredential } from '../../credentials/types.js'
import { demoIssuer } from '../../demo/demo-issuer.js'

// Vitest's browser mode serves the repository root, so the committed artifacts load over HTTP like a dApp's.
const artifact = (name: string) => new URL(`/circuits/artifacts/${name}`, location.origin).href

/** The committed circuit artifacts, checked against their manifest like any download. */
export const committedArtifacts = (): ArtifactSources => ({
  wasm: artifact('compliance.wasm'),
  zkey: artifact('compliance.zkey'),
  vkey: artifact('verification_key.json'),
  manifest: artifact('manifest.json'),
})

/** A credential from the demo issuer with the given net capital (assets - 100,000 liabilities). */
export function demoCredential(subject: Address, { netCapital = 900_000n, expiresIn = 86_400 } = {}): SignedCredential {
  const now = BigInt(Math.floor(Date.now() / 1000))
  return signCredential(demoIssuer(), {
    subject,
    assets: netCapital + 100_000n,
    liabilities: 100_000n,
    kycLevel: 2,
    riskScore: 20,
    jurisdiction: 276,
    issuedAt: now - 3_600n,
    expiresAt: now + BigInt(expiresIn),
    salt: randomSalt(),
  })
}
