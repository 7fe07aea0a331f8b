// Issue a credential, prove it on this machine and submit the proof to a local ProofX deployment.
//   RPC_URL=http://127.0.0.1:8545 DEPLOYMENT=../../deployments/31337.json node prove-and-submit.mjs
import { readFileSync } from 'node:fs'
import { privateKeyToAccount } from 'viem/accounts'
import { createProofX, createProver, parseDeployment, randomSalt, signCredential } from '@proofx/sdk'
import { demoIssuer } from '@proofx/sdk/demo'

const deployment = parseDeployment(JSON.parse(readFileSync(process.env.DEPLOYMENT ?? '../../deployments/31337.json', 'utf8')))
// Anvil's dev account #1: a public test key, local chains only.
const privateKey = /** @type {import('viem').Hex} */ (process.env.PRIVATE_KEY ?? '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d')
const account = privateKeyToAccount(privateKey)
const proofx = createProofX({ chainId: deployment.chainId, deployment, rpcUrl: process.env.RPC_URL ?? 'http://127.0.0.1:8545', account })

// 1. The issuer signs what it attests (here the demo issuer, whose key the local deployment trusts).
const now = BigInt(Math.floor(Date.now() / 1000))
const credential = signCredential(demoIssuer(), {
  subject: account.address,
  assets: 1_000_000n,
  liabilities: 100_000n,
  kycLevel: 2,
  riskScore: 20,
  jurisdiction: 276,
  issuedAt: now - 60n,
  // It must outlast the record a proof makes (now + the policy's 30 days): circuit v2 proves it.
  expiresAt: now + 365n * 86_400n,
  salt: randomSalt(),
})

// 2. The policy's rules come from the document the deployment publishes, checked against the hash the contract
//    registers (a tampered or outdated document is refused with PolicyHashMismatchError).
const { policy } = await proofx.getPublishedPolicy({ name: 'accredited' })

// 3. The holder proves, on this machine, that the credential meets the policy, with the artifacts of the
//    verification key the contract uses now (its vkeyHash(), read before proving; VerificationKeyNotAvailableError
//    if the prover has none, e.g. after a circuit upgrade: add the new set, see sdk/README.md).
const prover = createProver()
try {
  const proof = await proofx.proveForVerifier({ prover, credential, policy })
  console.log(`proved in ${Math.round(proof.timings.total)} ms`)

  // 4. The holder's wallet submits it; the contract checks the Groth16 proof and records compliance.
  const { hash, validUntil } = await proofx.submitProof({ policyId: policy.policyId, proof })
  console.log(`submitted ${hash}`)
  console.log(`compliant until ${new Date(Number(validUntil) * 1000).toISOString()}`)
} finally {
  await prover.dispose()
}
