// Prove in a Web Worker with the SDK's default artifacts and show the result; no chain needed.
import { createProver, demoIssuer, DEMO_POLICY_DOCUMENTS, parsePolicyDocument, randomSalt, signCredential } from '@proofx/sdk'

const STAGES = ['loading-artifacts', 'witness', 'proving', 'verifying', 'done']
const output = document.getElementById('output')
const progress = document.getElementById('progress')
const prover = createProver()
// The demo deployment's published policy document. With a chain, read it with getPublishedPolicy instead: that also
// checks its hash against the contract before proving.
const policy = parsePolicyDocument(DEMO_POLICY_DOCUMENTS.accredited).rules

document.getElementById('prove').addEventListener('click', async () => {
  const subject = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
  const now = BigInt(Math.floor(Date.now() / 1000))
  // The demo issuer's key is public: fine for trying things out, never for a real deployment.
  const credential = signCredential(demoIssuer(), {
    subject, assets: 1_000_000n, liabilities: 100_000n, kycLevel: 2, riskScore: 20,
    jurisdiction: 276, issuedAt: now - 60n, expiresAt: now + 86_400n, salt: randomSalt(),
  })
  output.textContent = 'Proving…'
  try {
    const result = await prover.prove({
      credential, policy, subject,
      chainId: 31337, verifier: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
      onProgress: ({ stage }) => (progress.value = STAGES.indexOf(stage)),
    })
    output.textContent = `Proof ready in ${Math.round(result.timings.total)} ms\n` +
      `nullifier ${result.signals.nullifier}\n` + JSON.stringify(result.proof, null, 2)
  } catch (error) {
    output.textContent = error.shortMessage ?? error.message
  }
})
