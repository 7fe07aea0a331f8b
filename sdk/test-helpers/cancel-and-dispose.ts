// Run by sdk/src/prover/create-prover.test.ts in a child process: cancels a proof through its AbortSignal
// (`already-aborted`, or `mid-proof` once proving starts), disposes the prover, and must then exit 0
// quietly: no unhandled rejection (Node prints it and exits 1).
import { ProofCancelledError } from '../src/errors/prover.js'
import { createProver } from '../src/prover/create-prover.js'
import { committedArtifacts } from './committed-artifacts.js'
import { CHAIN_ID, NOW, POLICY, SUBJECT, VERIFIER, signed } from './sample-credential.js'

const mode = process.argv[2]
if (mode !== 'already-aborted' && mode !== 'mid-proof') throw new Error(`usage: cancel-and-dispose.ts already-aborted|mid-proof (got ${mode})`)

const prover = createProver({ artifacts: committedArtifacts() })
const controller = new AbortController()
if (mode === 'already-aborted') controller.abort()
const error = await prover
  .prove({
    credential: signed(),
    policy: POLICY,
    now: NOW,
    subject: SUBJECT,
    chainId: CHAIN_ID,
    verifier: VERIFIER,
    signal: controller.signal,
    onProgress: (p) => p.stage === 'proving' && controller.abort(),
  })
  .catch((e: unknown) => e)
await prover.dispose()
console.log(JSON.stringify({ cancelled: error instanceof ProofCancelledError }))
