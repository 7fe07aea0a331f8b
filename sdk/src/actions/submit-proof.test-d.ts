import { createPublicClient, createWalletClient, http, type Address } from 'viem'
import { anvil } from 'viem/chains'
import { expectTypeOf, test } from 'vitest'
import type { ProofXProof } from '../chain/to-proofx-proof.js'
import { proofXActions } from '../clients/decorators/proofx.js'
import { getComplianceStatus } from './get-compliance-status.js'
import { setPolicy } from './set-policy.js'
import { submitProof, type SubmitProofReturnType } from './submit-proof.js'

const address: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
const client = createWalletClient({ chain: anvil, transport: http(), account: address })
const struct: ProofXProof = {
  issuerKeyHash: 1n,
  nullifier: 2n,
  timestamp: 3n,
  a: [1n, 2n],
  b: [
    [1n, 2n],
    [3n, 4n],
  ],
  c: [1n, 2n],
}

test('submitProof returns the mined result', () => {
  expectTypeOf(submitProof(client, { address, policyId: 1n, proof: struct })).resolves.toEqualTypeOf<SubmitProofReturnType>()
  expectTypeOf<SubmitProofReturnType['validUntil']>().toEqualTypeOf<bigint>()
})

test('wrong calls do not compile', () => {
  // @ts-expect-error policy ids are uint256: a number is refused
  submitProof(client, { address, policyId: 1, proof: struct })
  // @ts-expect-error the proof is required
  submitProof(client, { address, policyId: 1n })
  // @ts-expect-error `address` must be a hex address
  submitProof(client, { address: 'verifier', policyId: 1n, proof: struct })
  // @ts-expect-error a struct point needs exactly two coordinates
  submitProof(client, { address, policyId: 1n, proof: { ...struct, a: [1n] } })
  // @ts-expect-error validityPeriod is a uint32 in seconds, not a bigint
  setPolicy(client, { address, policyId: 1n, policyHash: 5n, validityPeriod: 30n })
  // @ts-expect-error the subject is required
  getComplianceStatus(client, { address, policyId: 1n })
})

test('the decorator binds the verifier address', () => {
  const bound = createPublicClient({ chain: anvil, transport: http() }).extend(proofXActions({ address }))
  expectTypeOf(bound.isCompliant({ subject: address, policyId: 1n })).resolves.toEqualTypeOf<boolean>()
  expectTypeOf(bound.getComplianceStatus({ subject: address, policyId: 1n }))
    .resolves.toHaveProperty('validUntil')
    .toEqualTypeOf<bigint | undefined>()
  // @ts-expect-error actions on a bound client still check their parameters
  bound.isCompliant({ subject: address })
})
