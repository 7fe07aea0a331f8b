import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createPublicClient, createWalletClient, http, type PublicClient } from 'viem'
import { anvil as anvilChain } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { expectError } from '@proofx/test-helpers/expect-error'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { runAdminOperation, type AdminContext } from './run-admin-operation.js'
import { UnsafeUpgradeError, UpgradeValidationUnavailableError, validateUpgrade } from './validate-upgrade.js'

// proofx admin upgrade checks the new implementation with @openzeppelin/upgrades-core against the Foundry build's
// build info (out/, with storage layouts: `npm test` builds it in the contracts suite, or `npx forge build`).
const out = process.env.PROOFX_FORGE_OUT ?? fileURLToPath(new URL('../../../out', import.meta.url))
const artifact = (name: string) => `${out}/${name}.sol/${name}.json`

let node: ProofXNode
let ctx: AdminContext
const nonce = () => ctx.publicClient.getTransactionCount({ address: localAccounts.admin.address })

beforeAll(async () => {
  if (!existsSync(`${out}/build-info`)) throw new Error(`${out}/build-info is missing: run \`npx forge build\` first`)
  node = await startProofXNode()
  const transport = http(node.rpcUrl)
  ctx = {
    publicClient: createPublicClient({ chain: anvilChain, transport, pollingInterval: 50 }) as PublicClient,
    walletClient: createWalletClient({ account: localAccounts.admin, chain: anvilChain, transport, pollingInterval: 50 }),
    contract: node.deployment.proxy,
  }
})
afterAll(() => node?.stop())

describe('validateUpgrade', () => {
  test('an implementation that inserts a field into the ERC-7201 namespace is unsafe, with the validator report', async () => {
    const error = await expectError(validateUpgrade({ artifact: artifact('ProofXVerifierUnsafeV2') }), UnsafeUpgradeError)
    expect(error.contract).toBe('contracts/test/mocks/ProofXVerifierUnsafeV2.sol:ProofXVerifierUnsafeV2')
    expect(error.report).toMatch(/Inserted `submissionCount`/)
    expect(error.message).toContain(error.report)
  })

  test('an implementation that appends its own namespace is safe against its @custom:oz-upgrades-from', async () => {
    expect(await validateUpgrade({ artifact: artifact('ProofXVerifierV2') })).toEqual({
      contract: 'contracts/test/mocks/ProofXVerifierV2.sol:ProofXVerifierV2',
      reference: undefined,
    })
  })

  test('no reference (no annotation, no --reference) or no build info: refused, not skipped', async () => {
    const noReference = await expectError(validateUpgrade({ artifact: artifact('ProofXVerifier') }), UpgradeValidationUnavailableError)
    expect(noReference.message).toMatch(/reference|upgrades-from/i)
    const noBuildInfo = await expectError(
      validateUpgrade({ artifact: artifact('ProofXVerifierV2'), buildInfoDir: `${out}/no-such-dir` }),
      UpgradeValidationUnavailableError,
    )
    expect(noBuildInfo.field).toBe('build-info-dir')
  })
})

describe('proofx admin upgrade', () => {
  test('refuses the unsafe implementation before sending anything, dry run included', async () => {
    const before = await nonce()
    await expectError(runAdminOperation(ctx, 'upgrade', { artifact: artifact('ProofXVerifierUnsafeV2') }, { dryRun: true }), UnsafeUpgradeError)
    await expectError(runAdminOperation(ctx, 'upgrade', { artifact: artifact('ProofXVerifierUnsafeV2') }), UnsafeUpgradeError)
    expect(await nonce()).toBe(before)
  })

  test('an already deployed --implementation needs --skip-storage-check true: its layout cannot be read from the chain', async () => {
    const error = await expectError(
      runAdminOperation(ctx, 'upgrade', { implementation: node.deployment.implementation }, { dryRun: true }),
      UpgradeValidationUnavailableError,
    )
    expect(error.field).toBe('implementation')
  })

  test('upgrades to the safe implementation', async () => {
    const upgraded = await runAdminOperation(ctx, 'upgrade', { artifact: artifact('ProofXVerifierV2') })
    expect(upgraded.stateAfter!.implementation).toBe(upgraded.steps[0]!.deployedAddress)
    expect(upgraded.stateAfter!.implementation).not.toBe(upgraded.stateBefore.implementation)
  })
})
