'use client'
import { randomSalt, signCredential } from '@proofx/sdk'
import { demoIssuer, demoPolicyDocuments } from '@proofx/sdk/demo'
import { useProofXConfig, useProve } from '@proofx/sdk/react'
import { useState } from 'react'

const SUBJECT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

/** Issues a sample credential (the demo issuer's key is public: demos only), proves it with useProve, checks the proof. */
export function ProveSample() {
  const { prover } = useProofXConfig()
  const { prove, data: proof, progress, error, isPending } = useProve()
  const [verified, setVerified] = useState(/** @type {boolean | undefined} */ (undefined))

  function onProve() {
    const now = BigInt(Math.floor(Date.now() / 1000))
    // The rules of the policy document the demo deployment publishes (no chain here to check its hash against).
    const policy = demoPolicyDocuments().accredited.rules
    const credential = signCredential(demoIssuer(), {
      subject: SUBJECT,
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
    setVerified(undefined)
    prove(
      { credential, policy, subject: SUBJECT, chainId: 31337 },
      {
        onSuccess: async (result) => setVerified(await prover.verify(result)),
      },
    )
  }

  const status = error
    ? `error: ${error.shortMessage ?? error.message}`
    : verified === true && proof
      ? `verified in ${Math.round(proof.timings.total)} ms`
      : verified === false
        ? 'proof did not verify'
        : isPending
          ? (progress?.stage ?? 'proving')
          : 'idle'
  return (
    <div>
      <button type="button" id="prove" disabled={isPending} onClick={onProve}>
        Prove a sample credential
      </button>
      <p id="status" data-testid="status">
        {status}
      </p>
      {proof && <pre id="output">{JSON.stringify({ proof: proof.proof, publicSignals: proof.publicSignals, isolated: self.crossOriginIsolated })}</pre>}
    </div>
  )
}
