// Prove in a Web Worker with the SDK's default artifacts, check the proof again and show it; no chain needed.
import { createProver, ProofXError, randomSalt, signCredential } from '@proofx/sdk'
import { demoIssuer, demoPolicyDocuments } from '@proofx/sdk/demo'

const STAGES = ['loading-artifacts', 'witness', 'proving', 'verifying', 'done']
// index.html has these elements.
const status = /** @type {HTMLElement} */ (document.getElementById('status'))
const output = /** @type {HTMLElement} */ (document.getElementById('output'))
const progress = /** @type {HTMLProgressElement} */ (document.getElementById('progress'))
const prove = /** @type {HTMLButtonElement} */ (document.getElementById('prove'))
const prover = createProver()

prove.addEventListener('click', async () => {
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
  try {
    const result = await prover.prove({
      credential,
      policy,
      subject,
      chainId: 31337,
      verifier: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
      onProgress: ({ stage }) => {
        status.textContent = stage
        progress.value = STAGES.indexOf(stage)
      },
    })
    const verified = await prover.verify(result)
    status.textContent = verified ? `verified in ${Math.round(result.timings.total)} ms` : 'proof did not verify'
    output.textContent = JSON.stringify({ proof: result.proof, publicSignals: result.publicSignals, isolated: self.crossOriginIsolated })
  } catch (error) {
    // The SDK's errors carry a one-line reason; the full message adds how to fix it.
    status.textContent = `error: ${error instanceof ProofXError ? error.shortMessage : error}`
  }
})
