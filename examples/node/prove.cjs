// CommonJS: prove and verify with `require`, no chain. `node prove.cjs`
// (@proofx/sdk is an ES module; Node 20.19+ and 22.12+ load it with require(). On older Node use import().)
const { createProver, randomSalt, signCredential } = require('@proofx/sdk')
const { demoIssuer, demoPolicyDocuments } = require('@proofx/sdk/demo')

async function main() {
  const subject = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
  const now = BigInt(Math.floor(Date.now() / 1000))
  // The rules of the policy document the demo deployment publishes (no chain here to check its hash against).
  const policy = demoPolicyDocuments().accredited.rules
  // The demo issuer's key is public: fine for trying things out, never for a real deployment.
  const credential = signCredential(demoIssuer(), {
    subject,
    assets: 1_000_000n,
    liabilities: 100_000n,
    kycLevel: 2,
    riskScore: 20,
    jurisdiction: 276,
    issuedAt: now - 60n,
    // The circuit proves the credential outlives the compliance record (now + the policy's validityPeriod).
    expiresAt: now + BigInt(policy.validityPeriod) + 86_400n,
    salt: randomSalt(),
  })
  const prover = createProver()
  try {
    const result = await prover.prove({
      credential,
      policy,
      subject,
      chainId: 31337,
      verifier: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
    })
    console.log(`proved in ${Math.round(result.timings.total)} ms`)
    console.log(`verified ${await prover.verify(result)}`)
    console.log(JSON.stringify({ proof: result.proof, publicSignals: result.publicSignals }))
  } finally {
    await prover.dispose()
  }
}

main().catch((error) => {
  console.error(error.shortMessage ?? error.message)
  process.exitCode = 1
})
