import { encodeFunctionData, getAddress, isAddress, zeroAddress, type Account, type Address, type Chain, type Client, type Hash, type Transport } from 'viem'
import { deployContract, getChainId, waitForTransactionReceipt } from 'viem/actions'
import { addIssuer } from '../actions/add-issuer.js'
import { grantSigner } from '../actions/grant-signer.js'
import { setBatchVerifier } from '../actions/set-batch-verifier.js'
import { setPolicy } from '../actions/set-policy.js'
import { hashVerificationKey, type VerificationKey } from '../artifacts/hash-verification-key.js'
import { proofXVerifierAbi } from '../chain/abi.js'
import { proofXRoles } from '../chain/roles.js'
import { writeVerifier } from '../chain/write-verifier.js'
import { SNARK_SCALAR_FIELD } from '../credentials/limits.js'
import type { ProofXDeployment } from '../deployments/types.js'
import { DeployTransactionFailedError, InvalidDeployParameterError } from '../errors/deploy.js'
import type { PolicyDocument } from '../policies/policy-document.js'
import { assertNoDemoIssuerOffLocalChain } from './demo-issuer-guard.js'
import type { FoundryArtifact, ProofXContractArtifacts } from './types.js'
import { verifierEmbedsKey } from './verifier-embeds-key.js'

/** An issuer key to trust at deployment, and the address that may revoke its credentials. */
export type DeployIssuer = { keyHash: bigint; revoker: Address }

export type DeployProofXParameters = {
  /** Creation bytecode (and ABI) of the contracts, from the Foundry build. */
  artifacts: ProofXContractArtifacts
  /** The circuit's verification key: the proxy stores its hash, and the SDK proves with matching artifacts. */
  verificationKey: VerificationKey
  /** Published policy documents (parsePolicyDocument): each is registered by id with its hash and validity period. */
  policies: readonly PolicyDocument[]
  /** Issuer keys to trust. The public demo issuer is refused on any chain but 31337. */
  issuers: readonly DeployIssuer[]
  /** Maximum age of a proof's timestamp, in seconds. Default 1 day. */
  maxProofAge?: number | undefined
  /** Holder of DEFAULT_ADMIN_ROLE. Default: the deploying account (which otherwise keeps no role). */
  admin?: Address | undefined
  /** Holder of PAUSER_ROLE. Default: the admin. */
  pauser?: Address | undefined
  /** Holder of UPGRADER_ROLE. Default: the admin. */
  upgrader?: Address | undefined
  /** Granted SIGNER_ROLE (relayers, a hosted prover). */
  signers?: readonly Address[] | undefined
  /** Milliseconds between receipt polls. Default: the client's. */
  pollingInterval?: number | undefined
  /** Told of every transaction once it is mined (the CLI prints them). */
  onStep?: ((step: DeployStepResult) => void) | undefined
}

export type DeployStepResult = { step: string; transactionHash: Hash; blockNumber: bigint }

export type DeployProofXReturnType = ProofXDeployment

const DEFAULT_MAX_PROOF_AGE = 86_400

/**
 * Deploys ProofX with the client's account: the circuit's Groth16 verifier (Groth16Verifier_v2 for circuit v2; it must
 * embed `verificationKey`), the ProofXVerifier implementation behind an ERC-1967
 * proxy, then (when its artifact is given) Groth16BatchVerifier, registers the policies and issuers, grants the signers
 * and hands each role to its holder, the deployer renouncing what it does not keep (DEFAULT_ADMIN_ROLE last). Every
 * parameter is checked before the first transaction. Returns the deployment, ready for toDeploymentJson.
 * The one way this repository deploys ProofX: the CLI (`proofx deploy`), the local demo, tests, drills and the
 * in-browser EVM all call it.
 * @example
 * const deployment = await deployProofX(walletClient, { artifacts, verificationKey, policies: [document], issuers: [{ keyHash, revoker }] })
 * writeFileSync(`deployments/${deployment.chainId}.json`, JSON.stringify(toDeploymentJson(deployment), null, 2))
 */
export async function deployProofX(client: Client<Transport, Chain | undefined, Account>, parameters: DeployProofXParameters): Promise<DeployProofXReturnType> {
  const { artifacts, verificationKey, policies, issuers, maxProofAge = DEFAULT_MAX_PROOF_AGE, signers = [], pollingInterval, onStep } = parameters
  const deployer = client.account?.address
  if (!deployer) throw new InvalidDeployParameterError({ field: 'client.account', rule: 'is required: the account that sends the deployment' })
  checkArtifacts(artifacts)
  checkPolicies(policies)
  checkIssuers(issuers)
  if (!Number.isSafeInteger(maxProofAge) || maxProofAge <= 0 || maxProofAge >= 2 ** 40)
    throw new InvalidDeployParameterError({ field: 'maxProofAge', rule: 'must be a whole number of seconds between 1 and 2^40 - 1' })
  const admin = optionalAddress(parameters.admin, 'admin') ?? deployer
  const holders = {
    [proofXRoles.PAUSER_ROLE]: optionalAddress(parameters.pauser, 'pauser') ?? admin,
    [proofXRoles.UPGRADER_ROLE]: optionalAddress(parameters.upgrader, 'upgrader') ?? admin,
    [proofXRoles.DEFAULT_ADMIN_ROLE]: admin,
  }
  for (const [i, signer] of signers.entries()) optionalAddress(signer, `signers[${i}]`)
  let vkeyHash: ReturnType<typeof hashVerificationKey>
  try {
    vkeyHash = hashVerificationKey(verificationKey)
  } catch (cause) {
    throw new InvalidDeployParameterError({ field: 'verificationKey', rule: 'is not a Groth16 verification key', cause })
  }
  if (!verifierEmbedsKey(artifacts.Groth16Verifier, verificationKey))
    throw new InvalidDeployParameterError({
      field: 'verificationKey',
      rule: 'is not the key artifacts.Groth16Verifier checks: pass the verifier and the verification_key.json of the same circuit version',
    })
  const chainId = await getChainId(client)
  assertNoDemoIssuerOffLocalChain(chainId, issuers)

  const completed: string[] = []
  const run = async <T extends { hash: Hash; blockNumber: bigint }>(step: string, send: () => Promise<T>): Promise<T> => {
    let result: T
    try {
      result = await send()
    } catch (cause) {
      throw new DeployTransactionFailedError({ step, completed, cause, transactionHash: (cause as { transactionHash?: Hash }).transactionHash })
    }
    completed.push(step)
    onStep?.({ step, transactionHash: result.hash, blockNumber: result.blockNumber })
    return result
  }
  const deploy = (step: string, artifact: FoundryArtifact, args: readonly unknown[] = []) =>
    run(step, async () => {
      const hash = await deployContract(client, {
        abi: artifact.abi,
        bytecode: artifact.bytecode.object,
        args,
        account: client.account,
        chain: client.chain,
      } as never)
      const receipt = await waitForTransactionReceipt(client, { hash, ...(pollingInterval === undefined ? {} : { pollingInterval }) })
      if (receipt.status !== 'success' || !receipt.contractAddress)
        throw Object.assign(new Error('the deployment transaction reverted'), { transactionHash: hash })
      return { hash, blockNumber: receipt.blockNumber, address: getAddress(receipt.contractAddress) }
    })
  const write = (step: string, send: () => Promise<{ hash: Hash; receipt: { blockNumber: bigint } }>) =>
    run(step, async () => {
      const { hash, receipt } = await send()
      return { hash, blockNumber: receipt.blockNumber }
    })

  const groth16 = await deploy('deploy Groth16Verifier', artifacts.Groth16Verifier)
  const implementation = await deploy('deploy the ProofXVerifier implementation', artifacts.ProofXVerifier)
  const initialize = encodeFunctionData({ abi: proofXVerifierAbi, functionName: 'initialize', args: [deployer, groth16.address, vkeyHash, maxProofAge] })
  const proxy = (await deploy('deploy the ERC-1967 proxy and initialize it', artifacts.ERC1967Proxy, [implementation.address, initialize])).address
  const options = { address: proxy, ...(pollingInterval === undefined ? {} : { pollingInterval }) }
  let batchVerifier: Address | undefined
  if (artifacts.Groth16BatchVerifier) {
    // After the proxy, so the proxy's address does not depend on whether the batch verifier is deployed.
    batchVerifier = (await deploy('deploy Groth16BatchVerifier', artifacts.Groth16BatchVerifier)).address
    await write('setBatchVerifier', () => setBatchVerifier(client, { ...options, batchVerifier: batchVerifier! }))
  }
  for (const document of policies) {
    await write(`setPolicy ${document.id} (${document.name})`, () =>
      setPolicy(client, { ...options, policyId: document.id, policyHash: document.hash, validityPeriod: document.validityPeriod! }),
    )
  }
  for (const issuer of issuers) {
    await write(`addIssuer ${issuer.keyHash}`, () => addIssuer(client, { ...options, issuerKeyHash: issuer.keyHash, revoker: getAddress(issuer.revoker) }))
  }
  for (const signer of signers) await write(`grant SIGNER_ROLE to ${signer}`, () => grantSigner(client, { ...options, signer: getAddress(signer) }))
  // Grants first, then renounces, DEFAULT_ADMIN_ROLE last: the deployer can finish the hand-over at every step.
  const roles = [proofXRoles.PAUSER_ROLE, proofXRoles.UPGRADER_ROLE, proofXRoles.DEFAULT_ADMIN_ROLE] as const
  const handedOver = roles.filter((role) => holders[role] !== deployer)
  for (const role of handedOver) {
    await write(`grant ${roleLabel(role)} to ${holders[role]}`, () =>
      writeVerifier(client, { ...options, functionName: 'grantRole', args: [role, holders[role]!] }),
    )
  }
  for (const role of handedOver) {
    await write(`deployer renounces ${roleLabel(role)}`, () => writeVerifier(client, { ...options, functionName: 'renounceRole', args: [role, deployer] }))
  }

  return {
    chainId,
    proxy,
    implementation: implementation.address,
    groth16Verifier: groth16.address,
    groth16BatchVerifier: batchVerifier,
    vkeyHash,
    deployBlock: groth16.blockNumber,
    policies: Object.fromEntries(policies.map((document) => [document.name, document.id])),
    policyDocuments: Object.fromEntries(policies.map((document) => [document.name, document])),
    issuerKeyHash: issuers[0]?.keyHash,
  }
}

const roleLabel = (role: string) => Object.entries(proofXRoles).find(([, hash]) => hash === role)![0]

function optionalAddress(value: Address | undefined, field: string): Address | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) throw new InvalidDeployParameterError({ field, rule: 'must be a 20-byte hex address' })
  if (value.toLowerCase() === zeroAddress) throw new InvalidDeployParameterError({ field, rule: 'must not be the zero address' })
  return getAddress(value)
}

function checkArtifacts(artifacts: ProofXContractArtifacts): void {
  for (const name of ['Groth16Verifier', 'ProofXVerifier', 'ERC1967Proxy', 'Groth16BatchVerifier'] as const) {
    const artifact = artifacts?.[name]
    if (name === 'Groth16BatchVerifier' && artifact === undefined) continue
    const bytecode = artifact?.bytecode?.object
    if (!Array.isArray(artifact?.abi) || typeof bytecode !== 'string' || !/^0x([0-9a-fA-F]{2})+$/.test(bytecode)) {
      throw new InvalidDeployParameterError({
        field: `artifacts.${name}`,
        rule: 'must be a Foundry artifact with an abi and linked creation bytecode (out/<Name>.sol/<Name>.json)',
      })
    }
  }
}

function checkPolicies(policies: readonly PolicyDocument[]): void {
  if (!Array.isArray(policies)) throw new InvalidDeployParameterError({ field: 'policies', rule: 'must be a list of policy documents' })
  const names = new Set<string>()
  const ids = new Set<bigint>()
  policies.forEach((document, i) => {
    const field = `policies[${i}]`
    if (typeof document?.hash !== 'bigint' || typeof document.id !== 'bigint' || typeof document.name !== 'string')
      throw new InvalidDeployParameterError({ field, rule: 'must be a parsed policy document (parsePolicyDocument)' })
    if (document.validityPeriod === undefined)
      throw new InvalidDeployParameterError({
        field: `${field}.validityPeriod`,
        rule: `is required: "${document.name}" must say how long its records stay valid`,
      })
    if (names.has(document.name)) throw new InvalidDeployParameterError({ field: `${field}.name`, rule: `"${document.name}" is listed twice` })
    if (ids.has(document.id)) throw new InvalidDeployParameterError({ field: `${field}.id`, rule: `policy id ${document.id} is listed twice` })
    names.add(document.name)
    ids.add(document.id)
  })
}

function checkIssuers(issuers: readonly DeployIssuer[]): void {
  if (!Array.isArray(issuers)) throw new InvalidDeployParameterError({ field: 'issuers', rule: 'must be a list of { keyHash, revoker }' })
  const seen = new Set<bigint>()
  issuers.forEach((issuer, i) => {
    const field = `issuers[${i}]`
    if (typeof issuer?.keyHash !== 'bigint' || issuer.keyHash <= 0n || issuer.keyHash >= SNARK_SCALAR_FIELD)
      throw new InvalidDeployParameterError({
        field: `${field}.keyHash`,
        rule: 'must be an issuer key hash (hashIssuerKey) between 1 and the BN254 scalar field',
      })
    if (seen.has(issuer.keyHash)) throw new InvalidDeployParameterError({ field: `${field}.keyHash`, rule: `issuer ${issuer.keyHash} is listed twice` })
    seen.add(issuer.keyHash)
    if (!optionalAddress(issuer.revoker, `${field}.revoker`))
      throw new InvalidDeployParameterError({ field: `${field}.revoker`, rule: 'is required: the address that may revoke its credentials' })
  })
}
