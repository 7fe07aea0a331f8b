// Run by sdk/src/prover/create-prover.test.ts in a child process: proves in a worker, verifies in the
// main thread too (which starts snarkjs's curve threads here), disposes both, and must then exit by itself.
import { readFile } from 'node:fs/promises'
import { createProver, terminateCurve, verifyProof } from '@proofx/sdk'
import { spawnNodeWorker, type NodeWorkerHandle } from '@proofx/sdk/node'
import { artifactPath, committedArtifacts } from './committed-artifacts.js'
import { CHAIN_ID, NOW, POLICY, SUBJECT, VERIFIER, signed } from './sample-credential.js'

let handle: NodeWorkerHandle | undefined
const prover = createProver({ artifacts: committedArtifacts(), createWorker: async () => (handle = await spawnNodeWorker()) })
await prover.preload()
const result = await prover.prove({ credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER })
const verified = await verifyProof(result, JSON.parse(await readFile(artifactPath('verification_key.json'), 'utf8')))
await prover.dispose()
await terminateCurve()
console.log(JSON.stringify({ verified, workerThreadIdAfterDispose: handle?.worker.threadId }))
