import { existsSync, readFileSync } from 'node:fs'
import { encodeFunctionData, getAddress, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ProofXNode, startProofXNode } from '@proofx/test-helpers/anvil'
import { hashVerificationKey, type VerificationKey } from '../artifacts/hash-verification-key.js'
import { proofXVerifierAbi } from '../chain/abi.js'
import { proofXRoles, type ProofXRoleName } from '../chain/roles.js'
import { createProofX, type CreateProofXReturnType } from '../clients/create-proofx.js'
import { createIssuerKey } from '../credentials/create-issuer-key.js'
import { demoIssuer } from '../demo/demo-issuer.js'
import { DEMO_POLICIES } from '../demo/demo-policies.js'
import {
  ContractNotPausedError,
  GatesClosedError,
  GatesOpenError,
  InvalidIssuerKeyHashError,
  InvalidPolicyHashError,
  InvalidUpgradeError,
  IssuerAlreadyTrustedError,
  IssuerNotTrustedError,
  MissingRoleError,
  VerifierHasNoCodeError,
  ZeroMaxProofAgeError,
  ZeroValidityPeriodError,
  ZeroVkeyHashError,
} from '../errors/contract.js'
import { buildPolicy } from '../policies/build-policy.js'
import { simulateGrantSigner, simulatePause, simulateSetVerifier, simulateUnpause } from './index.js'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { expectError } from '@proofx/test-helpers/expect-error'

// Admin actions against a real anvil deployment; no proofs needed.

const root = new URL('../../../', import.meta.url)
// The Foundry build: out/ after `forge build`/`forge test`, else the copy deployLocal compiled for itself.
const creationBytecode = (contract: string): Hex => {
  const file = ['out', 'cache/deploy-local/out'].map((dir) => new URL(`${dir}/${contract}.sol/${contract}.json`, root)).find((url) => existsSync(url))
  if (!file) throw new Error(`${contract} is not built: run \`npx forge build\``)
  return JSON.parse(readFileSync(file, 'utf8')).bytecode.object
}

let node: ProofXNode
let admin: CreateProofXReturnType
let stranger: CreateProofXReturnType

beforeAll(async () => {
  node = await startProofXNode()
  const client = (account: (typeof localAccounts)['admin']) =>
    createProofX({ chainId: node.chainId, deployment: node.deployment, rpcUrl: node.rpcUrl, account, pollingInterval: 50 })
  admin = client(localAccounts.admin)
  stranger = client(localAccounts.stranger)
})

afterAll(() => node?.stop())

describe('reads', () => {
  test('getVerificationKeyHash is the hash of the committed verification key', async () => {
    const vkey = JSON.parse(readFileSync(new URL('circuits/artifacts/verification_key.json', root), 'utf8')) as VerificationKey
    const onChain = await stranger.getVerificationKeyHash()
    expect(onChain).toBe(hashVerificationKey(vkey))
    expect(onChain).toBe(node.deployment.vkeyHash)
  })

  test('getPolicy returns the demo policies the deployment registered', async () => {
    for (const rules of Object.values(DEMO_POLICIES)) {
      const policy = await stranger.getPolicy({ policyId: rules.policyId })
      expect(policy).toMatchObject({ policyHash: buildPolicy(rules).hash, active: true, registered: true })
      expect(policy.validityPeriod).toBeGreaterThan(0)
    }
    expect(await stranger.getPolicy({ policyId: 99n })).toMatchObject({ registered: false, active: false, policyHash: 0n })
  })

  test("the SDK's role table is the contract's: one entry per *_ROLE constant, with the deployed hash", async () => {
    const constants = proofXVerifierAbi
      .filter((item) => item.type === 'function' && item.name.endsWith('_ROLE') && item.inputs.length === 0)
      .map((item) => (item as { name: ProofXRoleName }).name)
    expect([...constants].sort()).toEqual(Object.keys(proofXRoles).sort())
    for (const name of constants)
      expect(await admin.readContract({ address: node.deployment.proxy, abi: proofXVerifierAbi, functionName: name })).toBe(proofXRoles[name])
  })
})

describe('admin writes decode every refusal', () => {
  test('grant/revoke signer need DEFAULT_ADMIN_ROLE (MissingRoleError)', async () => {
    const error = await expectError(stranger.grantSigner({ signer: localAccounts.stranger.address }), MissingRoleError)
    expect(error).toMatchObject({ account: localAccounts.stranger.address, roleName: 'DEFAULT_ADMIN_ROLE' })
    expect(error.shortMessage).toBe(`${localAccounts.stranger.address} does not have DEFAULT_ADMIN_ROLE, which this action requires.`)
    await admin.grantSigner({ signer: localAccounts.relayer.address })
    expect(
      await admin.readContract({
        address: node.deployment.proxy,
        abi: proofXVerifierAbi,
        functionName: 'hasRole',
        args: [proofXRoles.SIGNER_ROLE, localAccounts.relayer.address],
      }),
    ).toBe(true)
    await admin.revokeSigner({ signer: localAccounts.relayer.address })
    expect(
      await admin.readContract({
        address: node.deployment.proxy,
        abi: proofXVerifierAbi,
        functionName: 'hasRole',
        args: [proofXRoles.SIGNER_ROLE, localAccounts.relayer.address],
      }),
    ).toBe(false)
  })

  test('setPolicy registers a policy and refuses a zero hash or validity', async () => {
    const policy = buildPolicy({ ...DEMO_POLICIES.retail, policyId: 7n })
    await admin.setPolicy({ policyId: 7n, policyHash: policy.hash, validityPeriod: 3600, active: false })
    expect(await stranger.getPolicy({ policyId: 7n })).toMatchObject({ policyHash: policy.hash, validityPeriod: 3600, active: false })
    await expectError(admin.setPolicy({ policyId: 7n, policyHash: 0n, validityPeriod: 3600 }), InvalidPolicyHashError)
    await expectError(admin.setPolicy({ policyId: 7n, policyHash: policy.hash, validityPeriod: 0 }), ZeroValidityPeriodError)
    await expectError(stranger.setPolicy({ policyId: 7n, policyHash: policy.hash, validityPeriod: 3600 }), MissingRoleError)
  })

  test('addIssuer / removeIssuer', async () => {
    const issuer = createIssuerKey()
    await admin.addIssuer({ issuerKeyHash: issuer.keyHash, revoker: localAccounts.stranger.address })
    await expectError(admin.addIssuer({ issuerKeyHash: issuer.keyHash, revoker: localAccounts.stranger.address }), IssuerAlreadyTrustedError)
    await expectError(admin.addIssuer({ issuerKeyHash: 0n, revoker: localAccounts.stranger.address }), InvalidIssuerKeyHashError)
    await admin.removeIssuer({ issuerKeyHash: issuer.keyHash })
    await expectError(admin.removeIssuer({ issuerKeyHash: issuer.keyHash }), IssuerNotTrustedError)
    // The deployment trusts the demo issuer.
    await expectError(admin.addIssuer({ issuerKeyHash: demoIssuer().keyHash, revoker: localAccounts.admin.address }), IssuerAlreadyTrustedError)
  })

  test('setVerifier refuses an address without code or a zero key hash; setMaxProofAge refuses 0', async () => {
    const { groth16Verifier, vkeyHash } = node.deployment
    const noCode = await expectError(
      admin.setVerifier({ groth16Verifier: localAccounts.stranger.address, vkeyHash, voidEarlierRecords: false }),
      VerifierHasNoCodeError,
    )
    expect(noCode.verifier).toBe(localAccounts.stranger.address)
    await expectError(admin.setVerifier({ groth16Verifier, vkeyHash: `0x${'00'.repeat(32)}`, voidEarlierRecords: false }), ZeroVkeyHashError)
    const { receipt } = await admin.setVerifier({ groth16Verifier, vkeyHash, voidEarlierRecords: false })
    expect(receipt.status).toBe('success')
    await expectError(admin.setMaxProofAge({ maxProofAge: 0 }), ZeroMaxProofAgeError)
  })

  test('setVerifier starts a generation and voids earlier records only when asked', async () => {
    const { groth16Verifier, vkeyHash, proxy } = node.deployment
    const read = (functionName: 'verifierGeneration' | 'validFromGeneration') => stranger.readContract({ address: proxy, abi: proofXVerifierAbi, functionName })
    const before = await read('verifierGeneration')
    await admin.setVerifier({ groth16Verifier, vkeyHash, voidEarlierRecords: false })
    expect(await read('verifierGeneration')).toBe(before + 1)
    expect(await read('validFromGeneration')).toBe(0)
    await admin.setVerifier({ groth16Verifier, vkeyHash, voidEarlierRecords: true })
    expect(await read('validFromGeneration')).toBe(before + 2)
    // A verifier swap changes the rules like an upgrade: UPGRADER_ROLE (the timelock in a governed deployment).
    const roleError = await expectError(stranger.setVerifier({ groth16Verifier, vkeyHash, voidEarlierRecords: true }), MissingRoleError)
    expect(roleError.roleName).toBe('UPGRADER_ROLE')
  })

  test('closeGates needs PAUSER_ROLE, openGates DEFAULT_ADMIN_ROLE; both refuse a repeated switch', async () => {
    const gatesClosed = () => stranger.readContract({ address: node.deployment.proxy, abi: proofXVerifierAbi, functionName: 'gatesClosed' })
    const roleError = await expectError(stranger.closeGates(), MissingRoleError)
    expect(roleError.roleName).toBe('PAUSER_ROLE')
    await admin.closeGates()
    expect(await gatesClosed()).toBe(true)
    await expectError(admin.closeGates(), GatesClosedError)
    expect((await expectError(stranger.openGates(), MissingRoleError)).roleName).toBe('DEFAULT_ADMIN_ROLE')
    await admin.openGates()
    expect(await gatesClosed()).toBe(false)
    await expectError(admin.openGates(), GatesOpenError)
  })

  test('upgrade deploys a new implementation and keeps the state; refuses strangers and non-UUPS code', async () => {
    const bytecode = creationBytecode('ProofXVerifier')
    const roleError = await expectError(stranger.upgrade({ bytecode }), MissingRoleError)
    expect(roleError.roleName).toBe('UPGRADER_ROLE')

    const { implementation, deployHash } = await admin.upgrade({ bytecode })
    expect(deployHash).toBeDefined()
    expect(implementation).not.toBe(node.deployment.implementation)
    // Read back from the ERC-1967 slot: the contract just deployed.
    const deployed = (await admin.waitForTransactionReceipt({ hash: deployHash! })).contractAddress
    expect(implementation).toBe(getAddress(deployed!))
    expect(await stranger.getPolicy({ policyId: DEMO_POLICIES.accredited.policyId })).toMatchObject({ policyHash: buildPolicy(DEMO_POLICIES.accredited).hash })
    expect(await stranger.getVerificationKeyHash()).toBe(node.deployment.vkeyHash)

    const error = await expectError(admin.upgrade({ bytecode: creationBytecode('Groth16Verifier') }), InvalidUpgradeError)
    expect(error.shortMessage).toContain('The upgrade was refused')
  })
})

describe('simulate-only variants (dry runs, multisig calldata)', () => {
  test('send nothing, return the checked request and its calldata, and throw what the action would', async () => {
    const { proxy } = node.deployment
    const paused = () => stranger.readContract({ address: proxy, abi: proofXVerifierAbi, functionName: 'paused' })
    const simulation = await simulatePause(stranger, { address: proxy, account: localAccounts.admin.address })
    expect(simulation.data).toBe(encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'pause' }))
    expect(simulation.request).toMatchObject({ address: proxy, functionName: 'pause' })
    expect(await paused()).toBe(false)
    // Any address can be simulated as the sender, with no key: the refusal is the action's typed error.
    const refused = await expectError(simulatePause(stranger, { address: proxy, account: localAccounts.stranger.address }), MissingRoleError)
    expect(refused).toMatchObject({ account: localAccounts.stranger.address, roleName: 'PAUSER_ROLE' })
    const swap = await expectError(
      simulateSetVerifier(stranger, {
        address: proxy,
        account: localAccounts.stranger.address,
        groth16Verifier: node.deployment.groth16Verifier,
        vkeyHash: node.deployment.vkeyHash,
        voidEarlierRecords: true,
      }),
      MissingRoleError,
    )
    expect(swap.roleName).toBe('UPGRADER_ROLE')
    const grant = await simulateGrantSigner(stranger, { address: proxy, account: localAccounts.admin.address, signer: localAccounts.relayer.address })
    expect(grant.data).toBe(
      encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'grantRole', args: [proofXRoles.SIGNER_ROLE, localAccounts.relayer.address] }),
    )
    await expectError(simulateUnpause(stranger, { address: proxy, account: localAccounts.admin.address }), ContractNotPausedError)
  })
})
