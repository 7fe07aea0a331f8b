// The proof every section measures: the SDK tests' sample credential against the accredited demo policy,
// at a fixed `now`, so Node, Chromium, the service and plain snarkjs all prove the same statement.
import { buildCircuitInput } from '../../sdk/src/credentials/build-circuit-input.js'
import { buildPolicy } from '../../sdk/src/policies/build-policy.js'
import { CHAIN_ID, NOW, POLICY, SCOPE, SUBJECT, VERIFIER, signed } from '../../sdk/test-helpers/sample-credential.js'

export const sampleProveArgs = () => ({ credential: signed(), policy: POLICY, now: NOW, subject: SUBJECT, chainId: CHAIN_ID, verifier: VERIFIER })

/** The witness input plain snarkjs gets (what the SDK builds internally from sampleProveArgs). */
export const sampleCircuitInput = () => buildCircuitInput({ credential: signed(), policy: buildPolicy(POLICY), now: NOW, scope: SCOPE })
