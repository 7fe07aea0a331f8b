import { BaseError, ContractFunctionExecutionError, ContractFunctionRevertedError, encodeErrorResult, HttpRequestError, zeroAddress } from 'viem'
import { describe, expect, test } from 'vitest'
import { ProofXError } from '../errors/base.js'
import { ContractPausedError, ContractRevertedError, MissingRoleError, ProofTooOldError } from '../errors/contract.js'
import { proofXVerifierAbi } from './abi.js'
import { decodeContractError } from './decode-contract-error.js'
import { proofXRoles } from './roles.js'

/** A revert as viem reports it from simulateContract / writeContract. */
function revert(errorName: string, args: readonly unknown[] = []) {
  const data = encodeErrorResult({ abi: proofXVerifierAbi, errorName, args } as never)
  const cause = new ContractFunctionRevertedError({ abi: proofXVerifierAbi, data, functionName: 'submitProof' })
  return new ContractFunctionExecutionError(cause, { abi: proofXVerifierAbi, functionName: 'submitProof', args: [] })
}

type AbiError = Extract<(typeof proofXVerifierAbi)[number], { type: 'error' }>

/** Zero-ish arguments of the right types, enough to encode any error. */
const sampleArgs = (error: AbiError) =>
  error.inputs.map((input) =>
    input.type === 'address' ? zeroAddress : input.type === 'string' ? 'admin' : input.type === 'bytes32' ? proofXRoles.SIGNER_ROLE : 1n,
  )

// OpenZeppelin errors no ProofX call path can raise; they fall back to ContractRevertedError with their name.
const unreachable = new Set(['AccessControlBadConfirmation', 'AddressEmptyCode', 'NotInitializing'])

describe('decodeContractError', () => {
  const errors = proofXVerifierAbi.filter((item): item is AbiError => item.type === 'error')

  test.each(errors.filter((e) => !unreachable.has(e.name)).map((e) => [e.name, e] as const))('%s has its own typed SDK error', (_name, abiError) => {
    const decoded = decodeContractError(revert(abiError.name, sampleArgs(abiError)), { functionName: 'submitProof' })
    expect(decoded).toBeInstanceOf(ProofXError)
    expect(decoded).not.toBeInstanceOf(ContractRevertedError)
    expect((decoded as ProofXError).shortMessage.length).toBeGreaterThan(10)
    // The viem error stays reachable for debugging.
    expect((decoded as ProofXError).cause).toBeInstanceOf(BaseError)
  })

  test('arguments become typed fields and a readable message', () => {
    const tooOld = decodeContractError(revert('ProofXVerifierProofTooOld', [1_780_000_000n, 1_780_086_400n]), { functionName: 'submitProof' })
    expect(tooOld).toBeInstanceOf(ProofTooOldError)
    expect(tooOld).toMatchObject({ timestamp: 1_780_000_000n, oldestAccepted: 1_780_086_400n })
    expect((tooOld as ProofTooOldError).shortMessage).toBe(
      'The proof is dated 2026-05-28T20:26:40.000Z; the verifier accepts proofs from 2026-05-29T20:26:40.000Z on.',
    )

    const role = decodeContractError(revert('AccessControlUnauthorizedAccount', [zeroAddress, proofXRoles.UPGRADER_ROLE]), { functionName: 'upgradeToAndCall' })
    expect(role).toBeInstanceOf(MissingRoleError)
    expect((role as MissingRoleError).roleName).toBe('UPGRADER_ROLE')
    expect(decodeContractError(revert('EnforcedPause'), { functionName: 'submitProof' })).toBeInstanceOf(ContractPausedError)
  })

  test('unknown reverts fall back to ContractRevertedError; other errors pass through unchanged', () => {
    const generic = decodeContractError(revert('NotInitializing'), { functionName: 'submitProof' })
    expect(generic).toBeInstanceOf(ContractRevertedError)
    expect(generic).toMatchObject({ errorName: 'NotInitializing', functionName: 'submitProof' })

    const network = new HttpRequestError({ url: 'http://127.0.0.1:1', details: 'fetch failed' })
    expect(decodeContractError(network, { functionName: 'submitProof' })).toBe(network)
    expect(decodeContractError('boom', { functionName: 'submitProof' })).toBeInstanceOf(Error)
  })
})
