// The proof every section measures: the SDK tests' sample credential against the accredited demo policy,
// at a fixed `now`, so Node, Chromium, the service and plain snarkjs all prove the same statement.
import { buildCircuitInput, buildPolicy } from '@proofx/sdk'
import { CHAIN_ID, NOW, POLICY, SCOPE, SUBJECT, VERIFIER, signed } from '@proofx/test-helpers/sample-credential'

export const sampleProveArgs = () => ({ credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER })

/** The witness input plain snarkjs gets (what the SDK builds internally from sampleProveArgs). */
export const sampleCircuitInput = () => buildCircuitInput({ credential: signed(), policy: buildPolicy(POLICY), now: NOW, scope: SCOPE })
