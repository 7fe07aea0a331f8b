// The proofs the gas benchmarks submit: a demo-issuer credential that meets the accredited policy with a margin,
// proved with snarkjs (the reference prover) from the committed artifacts. Gas depends only on the proof's shape, so
// every gas figure is measured on proofs of this one credential, varied by subject and salt.
import * as snarkjs from 'snarkjs'
import type { Address } from 'viem'
import { buildCircuitInput, signCredential, toProofXProof, type Policy, type ProofXProof } from '@proofx/sdk'
import { demoIssuer } from '@proofx/sdk/demo'

const ARTIFACTS = { wasm: 'circuits/artifacts/compliance.wasm', zkey: 'circuits/artifacts/compliance.zkey' }

export type GasBenchProofParameters = {
  subject: Address
  policy: Policy
  /** The chain's latest block timestamp: the credential was issued before it and expires long after. */
  now: bigint
  /** computeScope(chainId, proxy) of the deployment the proof is submitted to. */
  scope: bigint
  salt: bigint
}

export async function proveGasBenchProof({
  subject,
  policy,
  now,
  scope,
  salt,
}: GasBenchProofParameters): Promise<{ proof: ProofXProof; publicSignals: bigint[] }> {
  const credential = signCredential(demoIssuer(), {
    subject,
    assets: 2_000_000n,
    liabilities: 1n,
    kycLevel: 3,
    riskScore: 1,
    jurisdiction: 276,
    issuedAt: now - 1000n,
    expiresAt: now + 10_000_000n,
    salt,
  })
  const proved = await snarkjs.groth16.fullProve(buildCircuitInput({ credential, policy, now, scope }) as never, ARTIFACTS.wasm, ARTIFACTS.zkey)
  return { proof: toProofXProof(proved), publicSignals: proved.publicSignals.map(BigInt) }
}
