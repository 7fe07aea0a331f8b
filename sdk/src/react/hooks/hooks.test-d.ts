import { describe, expectTypeOf, test } from 'vitest'
import type { Hash } from 'viem'
import { DEMO_POLICIES } from '../../demo/demo-policies.js'
import type { ProofProgress, ProveReturnType } from '../../prover/types.js'
import type { ProveErrorType } from '../../prover/create-prover.js'
import type { SubmitProofErrorType } from '../../actions/submit-proof.js'
import { useComplianceStatus } from './useComplianceStatus.js'
import { useProve } from './useProve.js'
import { useSubmitProof } from './useSubmitProof.js'

const subject = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

describe('useProve', () => {
  test('returns the proof, typed errors, progress and cancel', () => {
    const { prove, proveAsync, data, error, progress, cancel } = useProve()
    expectTypeOf(data).toEqualTypeOf<ProveReturnType | undefined>()
    expectTypeOf(error).toEqualTypeOf<ProveErrorType | null>()
    expectTypeOf(progress?.stage).toEqualTypeOf<ProofProgress['stage'] | 'validating' | undefined>()
    expectTypeOf(cancel).toEqualTypeOf<() => void>()
    expectTypeOf<Awaited<ReturnType<typeof proveAsync>>>().toEqualTypeOf<ProveReturnType>()
    prove({ credential: {}, policy: DEMO_POLICIES.accredited, subject, chainId: 31337 })
  })

  test('a wrong call does not compile', () => {
    const { prove } = useProve()
    // @ts-expect-error the policy is a rules object, not its name
    prove({ credential: {}, policy: 'accredited', chainId: 31337 })
    // @ts-expect-error the verifier address is a 0x-hex string
    prove({ credential: {}, policy: DEMO_POLICIES.retail, chainId: 31337, address: 'my-verifier' })
    // @ts-expect-error progress and abort are handled by the hook, not passed per call
    prove({ credential: {}, policy: DEMO_POLICIES.retail, chainId: 31337, onProgress: () => {} })
  })
})

describe('useSubmitProof', () => {
  test('resolves with the mined transaction and validUntil', () => {
    const { submitProofAsync, error } = useSubmitProof()
    expectTypeOf(submitProofAsync).returns.resolves.toHaveProperty('hash').toEqualTypeOf<Hash>()
    expectTypeOf(submitProofAsync).returns.resolves.toHaveProperty('validUntil').toEqualTypeOf<bigint>()
    expectTypeOf(error).toEqualTypeOf<SubmitProofErrorType | null>()
  })

  test('a wrong call does not compile', () => {
    const { submitProof } = useSubmitProof()
    const proof = {} as ProveReturnType
    submitProof({ policyId: 1n, proof })
    // @ts-expect-error policyId is a bigint (uint256), not a number
    submitProof({ policyId: 1, proof })
    // @ts-expect-error the proof is required
    submitProof({ policyId: 1n })
  })
})

describe('useComplianceStatus', () => {
  test('reads compliant, reason and validUntil', () => {
    const { data } = useComplianceStatus({ subject, policyId: 1n })
    expectTypeOf(data?.compliant).toEqualTypeOf<boolean | undefined>()
    expectTypeOf(data?.validUntil).toEqualTypeOf<bigint | undefined>()
    // @ts-expect-error policyId is a bigint
    useComplianceStatus({ subject, policyId: 1 })
    // @ts-expect-error the subject is an address
    useComplianceStatus({ subject: 'alice', policyId: 1n })
  })
})
