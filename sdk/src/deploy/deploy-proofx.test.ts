import { readFileSync } from 'node:fs'
import { createPublicClient, createWalletClient, http, type Address, type Hex } from 'viem'
import { polygonAmoy } from 'viem/chains'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type AnvilInstance, buildLocalArtifacts, startAnvil } from '@proofx/test-helpers/anvil'
import { getPolicy } from '../actions/get-policy.js'
import type { VerificationKey } from '../artifacts/hash-verification-key.js'
import { proofXVerifierAbi } from '../chain/abi.js'
import { proofXRoles } from '../chain/roles.js'
import { createIssuerKey } from '../credentials/create-issuer-key.js'
import { parseDeployment } from '../deployments/parse-deployment.js'
import { toDeploymentJson } from '../deployments/to-deployment-json.js'
import { demoIssuer } from '../demo/demo-issuer.js'
import { demoPolicyDocuments } from '../demo/demo-policies.js'
import { DemoIssuerOnPublicChainError, InvalidDeployParameterError } from '../errors/deploy.js'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { expectError } from '@proofx/test-helpers/expect-error'
import { deployProofX, type DeployProofXParameters } from './deploy-proofx.js'

// deployProofX on a real anvil that calls itself Polygon Amoy (80002): the checks before the first transaction, the
// demo-issuer guard, and the role hand-over.

const verificationKey = JSON.parse(readFileSync(new URL('../../../circuits/artifacts/verification_key.json', import.meta.url), 'utf8')) as VerificationKey
const issuer = createIssuerKey('0x0101010101010101010101010101010101010101010101010101010101010101')
const { accredited, retail } = demoPolicyDocuments()
const { admin: deployer, subject: admin, relayer: pauser, stranger: upgrader, otherSubject: signer } = localAccounts

let anvil: AnvilInstance
let base: DeployProofXParameters
const client = () => createWalletClient({ account: deployer, chain: polygonAmoy, transport: http(anvil.rpcUrl), pollingInterval: 50 })
const nonce = () => createPublicClient({ transport: http(anvil.rpcUrl) }).getTransactionCount({ address: deployer.address })

beforeAll(async () => {
  const [node, { outDir: _, ...artifacts }] = await Promise.all([startAnvil({ chainId: polygonAmoy.id }), buildLocalArtifacts()])
  anvil = node
  base = { artifacts, verificationKey, policies: [accredited, retail], issuers: [{ keyHash: issuer.keyHash, revoker: deployer.address }], pollingInterval: 50 }
})
afterAll(() => anvil?.stop())

describe('before the first transaction', () => {
  test('the public demo issuer is refused on chain 80002 (DemoIssuerOnPublicChainError)', async () => {
    const error = await expectError(
      deployProofX(client(), { ...base, issuers: [...base.issuers, { keyHash: demoIssuer().keyHash, revoker: deployer.address }] }),
      DemoIssuerOnPublicChainError,
    )
    expect(error).toMatchObject({ field: 'issuers', chainId: 80002, issuerKeyHash: demoIssuer().keyHash })
    expect(await nonce()).toBe(0)
  })

  test.each([
    ['policies[1].id', { policies: [accredited, { ...retail, id: accredited.id, name: 'other' }] }],
    ['policies[0].validityPeriod', { policies: [{ ...accredited, validityPeriod: undefined }] }],
    ['issuers[0].keyHash', { issuers: [{ keyHash: 0n, revoker: deployer.address }] }],
    ['issuers[0].revoker', { issuers: [{ keyHash: issuer.keyHash, revoker: '0x0000000000000000000000000000000000000000' as Address }] }],
    ['pauser', { pauser: '0x1234' as Address }],
    ['maxProofAge', { maxProofAge: 0 }],
    [
      'artifacts.ProofXVerifier',
      { artifacts: { ...({} as DeployProofXParameters['artifacts']), Groth16Verifier: { abi: [], bytecode: { object: '0x00' as Hex } } } },
    ],
    ['verificationKey', { verificationKey: {} as VerificationKey }],
  ] as const)('%s: InvalidDeployParameterError names the field; nothing is sent', async (field, change) => {
    const error = await expectError(deployProofX(client(), { ...base, ...(change as Partial<DeployProofXParameters>) }), InvalidDeployParameterError)
    expect(error.field).toBe(field)
    expect(await nonce()).toBe(0)
  })
})

test('deploys, registers the policies and issuers, and hands each role to its holder', async () => {
  const steps: string[] = []
  const deployment = await deployProofX(client(), {
    ...base,
    admin: admin.address,
    pauser: pauser.address,
    upgrader: upgrader.address,
    signers: [signer.address],
    onStep: ({ step }) => steps.push(step),
  })
  expect(steps.slice(0, 5)).toEqual([
    'deploy Groth16Verifier',
    'deploy the ProofXVerifier implementation',
    'deploy the ERC-1967 proxy and initialize it',
    'deploy Groth16BatchVerifier',
    'setBatchVerifier',
  ])
  expect(steps.at(-1)).toBe('deployer renounces DEFAULT_ADMIN_ROLE')
  expect(deployment).toMatchObject({ chainId: 80002, policies: { accredited: 1n, retail: 2n }, issuerKeyHash: issuer.keyHash })

  const reader = createPublicClient({ transport: http(anvil.rpcUrl) })
  const hasRole = (role: Hex, account: Address) =>
    reader.readContract({ address: deployment.proxy, abi: proofXVerifierAbi, functionName: 'hasRole', args: [role, account] })
  const { DEFAULT_ADMIN_ROLE, PAUSER_ROLE, UPGRADER_ROLE, SIGNER_ROLE } = proofXRoles
  expect(
    await Promise.all([
      hasRole(DEFAULT_ADMIN_ROLE, admin.address),
      hasRole(PAUSER_ROLE, pauser.address),
      hasRole(UPGRADER_ROLE, upgrader.address),
      hasRole(SIGNER_ROLE, signer.address),
    ]),
  ).toEqual([true, true, true, true])
  // Separate holders: the admin does not pause or upgrade, and the deployer keeps nothing.
  expect(await Promise.all([hasRole(PAUSER_ROLE, admin.address), hasRole(UPGRADER_ROLE, admin.address)])).toEqual([false, false])
  expect(await Promise.all([DEFAULT_ADMIN_ROLE, PAUSER_ROLE, UPGRADER_ROLE].map((role) => hasRole(role, deployer.address)))).toEqual([false, false, false])

  const registered = await getPolicy(reader, { address: deployment.proxy, policyId: accredited.id })
  expect(registered).toMatchObject({ policyHash: accredited.hash, validityPeriod: accredited.validityPeriod })
  expect(await reader.readContract({ address: deployment.proxy, abi: proofXVerifierAbi, functionName: 'isTrustedIssuer', args: [issuer.keyHash] })).toBe(true)

  // The file form reads back as the same deployment.
  expect(parseDeployment(JSON.parse(JSON.stringify(toDeploymentJson(deployment))))).toEqual(deployment)
})
