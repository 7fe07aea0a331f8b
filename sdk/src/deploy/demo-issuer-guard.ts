import { demoIssuer } from '../demo/demo-issuer.js'
import { DemoIssuerOnPublicChainError } from '../errors/deploy.js'

/** The only chain the public demo issuer may be trusted on: a local anvil (the demo, tests, the in-browser EVM). */
export const DEMO_ISSUER_CHAIN_ID = 31337

let demoKeyHash: bigint | undefined

/** Throws DemoIssuerOnPublicChainError when the demo issuer is among `issuers` on any chain but 31337. */
export function assertNoDemoIssuerOffLocalChain(chainId: number, issuers: readonly { keyHash: bigint }[]): void {
  if (chainId === DEMO_ISSUER_CHAIN_ID) return
  demoKeyHash ??= demoIssuer().keyHash
  const demo = issuers.find((issuer) => issuer.keyHash === demoKeyHash)
  if (demo) throw new DemoIssuerOnPublicChainError({ chainId, issuerKeyHash: demo.keyHash })
}
