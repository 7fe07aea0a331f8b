// What needs no chain: the deployer's governance options are checked before anything is sent, and an owner signs a
// proposal offline, refusing one whose hash or calls were edited.
import { calculateSafeTransactionHash } from '@safe-global/protocol-kit'
import { encodeFunctionData, getAddress, recoverTypedDataAddress, zeroAddress, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { proofXRoles, proofXVerifierAbi } from '@proofx/sdk'
import { InvalidAdminArgumentError } from './admin-operations.js'
import { checkGovernanceOptions } from './deploy-governance.js'
import { ProposalMismatchError } from './governance-errors.js'
import { checkProposal, signSafeProposal, type SafeProposal, type SafeTransactionFields } from './safe-proposal.js'

const [a, b, c] = [1, 2, 3].map(() => privateKeyToAccount(generatePrivateKey()).address)

describe('checkGovernanceOptions', () => {
  const ok = { owners: [a!, b!, c!], threshold: 2, timelockDelay: 86_400, guardian: a! }
  test.each([
    [{ owners: [] }, 'safe-owners'],
    [{ owners: [a!, a!] }, 'safe-owners'],
    [{ owners: ['0x12'] }, 'safe-owners'],
    [{ threshold: 4 }, 'safe-threshold'],
    [{ threshold: 0 }, 'safe-threshold'],
    [{ timelockDelay: -1 }, 'timelock-delay'],
    [{ timelockDelay: 1.5 }, 'timelock-delay'],
    [{ guardian: 'nobody' }, 'guardian'],
  ])('%o is refused naming --%s', (change, field) => {
    const refusal = (() => {
      try {
        checkGovernanceOptions({ ...ok, ...change } as never)
      } catch (error) {
        return error
      }
    })()
    expect(refusal).toBeInstanceOf(InvalidAdminArgumentError)
    expect(refusal).toMatchObject({ field })
  })
  test('a 2-of-3 Safe with a day of delay passes', () => expect(() => checkGovernanceOptions(ok)).not.toThrow())
})

describe('offline signing', () => {
  const safe = getAddress(a!)
  const proxy = getAddress(b!)
  const data = encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'revokeRole', args: [proofXRoles.SIGNER_ROLE, c!] })
  const safeTransaction: SafeTransactionFields = {
    to: proxy,
    value: '0',
    data,
    operation: 0,
    safeTxGas: '0',
    baseGas: '0',
    gasPrice: '0',
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce: 3,
  }
  const proposal: SafeProposal = {
    kind: 'proofx-safe-proposal',
    version: 1,
    chainId: 31337,
    safe,
    safeVersion: '1.4.1',
    operation: 'revoke-signer',
    params: { account: c },
    phase: 'direct',
    calls: [{ to: proxy, value: '0', data, description: `revoke SIGNER_ROLE from ${c}` }],
    safeTransaction,
    safeTxHash: calculateSafeTransactionHash(safe, safeTransaction as never, '1.4.1', 31337n) as Hex,
    simulation: [],
    createdAt: new Date(0).toISOString(),
  }

  test('an owner signs the EIP-712 SafeTx hash with nothing but the file and their key', async () => {
    const owner = privateKeyToAccount(generatePrivateKey())
    const file = await signSafeProposal(proposal, owner)
    expect(file).toMatchObject({ kind: 'proofx-safe-signature', safe, chainId: 31337, safeTxHash: proposal.safeTxHash, signer: owner.address })
    const domain = { chainId: 31337, verifyingContract: safe }
    const types = {
      SafeTx: [
        { type: 'address', name: 'to' },
        { type: 'uint256', name: 'value' },
        { type: 'bytes', name: 'data' },
        { type: 'uint8', name: 'operation' },
        { type: 'uint256', name: 'safeTxGas' },
        { type: 'uint256', name: 'baseGas' },
        { type: 'uint256', name: 'gasPrice' },
        { type: 'address', name: 'gasToken' },
        { type: 'address', name: 'refundReceiver' },
        { type: 'uint256', name: 'nonce' },
      ],
    }
    const message = { ...safeTransaction, value: 0n, safeTxGas: 0n, baseGas: 0n, gasPrice: 0n, nonce: 3n }
    expect(await recoverTypedDataAddress({ domain, types, primaryType: 'SafeTx', message, signature: file.signature })).toBe(owner.address)
  })

  test('an edited proposal is refused: calls that are not the Safe transaction, or a hash that is not its hash', async () => {
    const other = encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'grantRole', args: [proofXRoles.DEFAULT_ADMIN_ROLE, c!] })
    expect(() => checkProposal({ ...proposal, calls: [{ ...proposal.calls[0]!, data: other }] })).toThrow(ProposalMismatchError)
    expect(() => checkProposal({ ...proposal, safeTransaction: { ...safeTransaction, data: other } })).toThrow(/safeTxHash/)
    await expect(
      signSafeProposal({ ...proposal, safeTransaction: { ...safeTransaction, nonce: 4 } }, privateKeyToAccount(generatePrivateKey())),
    ).rejects.toBeInstanceOf(ProposalMismatchError)
  })
})
