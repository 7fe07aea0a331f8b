import { Safe } from './protocol-kit.js'
import { getSafeL2SingletonDeployment } from '@safe-global/safe-deployments'
import { getAddress, isAddress, zeroAddress, type Account, type Address, type Chain, type PublicClient, type Transport, type WalletClient } from 'viem'
import { proofXRoles, writeVerifier } from '@proofx/sdk'
import { InvalidAdminArgumentError } from './admin-operations.js'
import { SAFE_VERSION, contractNetworksFor, deploySafeContracts, type SafeContractAddresses } from './safe-contracts.js'
import { readTimelockRole, timelockArtifact } from './timelock.js'

/** What the deployer chooses: the multisig, the delay on rule changes, and who may stop things at once. */
export type GovernanceOptions = {
  /** Safe owners: each signs proposals on their own machine. */
  owners: Address[]
  /** Signatures a Safe transaction needs (e.g. 2 of 3). */
  threshold: number
  /** Seconds an upgrade or verifier swap waits in the TimelockController between scheduling and execution. */
  timelockDelay: number
  /** Holds PAUSER_ROLE: pauses (and closes gates) with one key, no delay. Unpausing is the Safe's. */
  guardian: Address
  /**
   * Who may execute a matured timelock operation: the Safe (default: another multisig round), anyone, or the Safe
   * and one more account (a keeper that runs what the owners scheduled; it cannot schedule or cancel).
   */
  timelockExecutor?: 'safe' | 'anyone' | Address | undefined
  /** The chain's Safe 1.4.1 contracts when @safe-global/safe-deployments does not know it; deployed when absent. */
  safeContracts?: SafeContractAddresses | undefined
  /** Safe deployment salt (CREATE2): the same owners, threshold and salt give the same Safe address. */
  saltNonce?: string | undefined
}

/** The `governance` entry of deployments/<chainId>.json. */
export type GovernanceDeployment = {
  safe: Address
  safeVersion: typeof SAFE_VERSION
  owners: Address[]
  threshold: number
  timelock: Address
  timelockDelay: number
  timelockExecutor: 'safe' | 'anyone' | Address
  guardian: Address
  /** Present on chains without an official Safe deployment: protocol-kit's contractNetworks for this chain. */
  safeContracts?: SafeContractAddresses | undefined
}

export function checkGovernanceOptions(options: GovernanceOptions): void {
  const { owners, threshold, timelockDelay, guardian, timelockExecutor } = options
  if (!Array.isArray(owners) || owners.length === 0) throw new InvalidAdminArgumentError({ field: 'safe-owners', rule: 'must list at least one owner address' })
  for (const owner of owners)
    if (!isAddress(owner, { strict: false })) throw new InvalidAdminArgumentError({ field: 'safe-owners', rule: `must be addresses (got ${owner})` })
  if (new Set(owners.map((o) => o.toLowerCase())).size !== owners.length)
    throw new InvalidAdminArgumentError({ field: 'safe-owners', rule: 'must not repeat an owner' })
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > owners.length)
    throw new InvalidAdminArgumentError({ field: 'safe-threshold', rule: `must be an integer from 1 to ${owners.length} (the number of owners)` })
  if (!Number.isInteger(timelockDelay) || timelockDelay < 0)
    throw new InvalidAdminArgumentError({ field: 'timelock-delay', rule: 'must be a whole number of seconds' })
  if (!isAddress(guardian, { strict: false })) throw new InvalidAdminArgumentError({ field: 'guardian', rule: 'must be an address' })
  // PAUSER_ROLE on the zero address would leave nobody able to pause at once.
  if (getAddress(guardian) === zeroAddress) throw new InvalidAdminArgumentError({ field: 'guardian', rule: 'must not be the zero address' })
  if (timelockExecutor !== undefined && timelockExecutor !== 'safe' && timelockExecutor !== 'anyone') {
    if (!isAddress(timelockExecutor, { strict: false }))
      throw new InvalidAdminArgumentError({ field: 'timelock-executor', rule: 'must be "safe", "anyone" or an address' })
    if (getAddress(timelockExecutor) === zeroAddress)
      throw new InvalidAdminArgumentError({ field: 'timelock-executor', rule: 'must not be the zero address (say "anyone" to open execution to all)' })
  }
}

/**
 * Puts a fresh ProofX deployment under multisig governance. The deployer (the wallet's account) must hold every
 * role on `proxy`; afterwards it holds none:
 * - a Safe (protocol-kit, Safe 1.4.1 contracts; deployed first on a chain that has none) gets DEFAULT_ADMIN_ROLE:
 *   signers, issuers, policies and unpausing, each a Safe transaction;
 * - an OpenZeppelin TimelockController (minimum delay `timelockDelay`, proposer and canceller the Safe) gets
 *   UPGRADER_ROLE: upgrades and verifier swaps are scheduled by the Safe and run after the delay;
 * - `guardian` gets PAUSER_ROLE and acts alone, at once.
 * @example
 * const governance = await deployGovernance({ walletClient, publicClient, rpcUrl, proxy: deployment.proxy, owners, threshold: 2, timelockDelay: 86_400, guardian })
 */
export async function deployGovernance({
  walletClient,
  publicClient,
  rpcUrl,
  proxy,
  ...options
}: GovernanceOptions & {
  walletClient: WalletClient<Transport, Chain | undefined, Account>
  publicClient: PublicClient
  /** protocol-kit's provider: the same node as the clients. */
  rpcUrl: string
  proxy: Address
}): Promise<GovernanceDeployment> {
  checkGovernanceOptions(options)
  const chainId = await publicClient.getChainId()
  const owners = options.owners.map((o: string) => getAddress(o))
  const guardian = getAddress(options.guardian)
  const timelockExecutor =
    options.timelockExecutor === undefined || options.timelockExecutor === 'safe' || options.timelockExecutor === 'anyone'
      ? (options.timelockExecutor ?? 'safe')
      : getAddress(options.timelockExecutor)
  const known = getSafeL2SingletonDeployment({ version: SAFE_VERSION, network: String(chainId) })
  const safeContracts = options.safeContracts ?? (known ? undefined : await deploySafeContracts(walletClient, publicClient))

  // The Safe: protocol-kit predicts its address and builds the proxy factory call; the deployer sends it.
  const kit = await Safe.init({
    provider: rpcUrl,
    predictedSafe: {
      safeAccountConfig: { owners, threshold: options.threshold },
      safeDeploymentConfig: { safeVersion: SAFE_VERSION, saltNonce: options.saltNonce ?? String(Date.now()) },
    },
    contractNetworks: contractNetworksFor(chainId, safeContracts),
  })
  const safe = getAddress(await kit.getAddress())
  const deployTx = await kit.createSafeDeploymentTransaction()
  const safeReceipt = await publicClient.waitForTransactionReceipt({
    hash: await walletClient.sendTransaction({
      to: deployTx.to as Address,
      data: deployTx.data as `0x${string}`,
      value: BigInt(deployTx.value),
      chain: walletClient.chain,
    }),
  })
  if (safeReceipt.status !== 'success' || !(await publicClient.getCode({ address: safe })))
    throw new Error(`Deploying the Safe at ${safe} failed (${safeReceipt.transactionHash}).`)

  // The timelock: the Safe proposes (and may cancel); it also executes unless anyone may, beside a keeper if named.
  const { abi, bytecode } = timelockArtifact()
  const executors = timelockExecutor === 'anyone' ? [zeroAddress] : timelockExecutor === 'safe' ? [safe] : [safe, timelockExecutor]
  const timelockReceipt = await publicClient.waitForTransactionReceipt({
    hash: await walletClient.deployContract({
      abi,
      bytecode,
      args: [BigInt(options.timelockDelay), [safe], executors, zeroAddress],
      chain: walletClient.chain,
    }),
  })
  if (timelockReceipt.status !== 'success' || !timelockReceipt.contractAddress)
    throw new Error(`Deploying the TimelockController failed (${timelockReceipt.transactionHash}).`)
  const timelock = getAddress(timelockReceipt.contractAddress)
  const isProposer = await publicClient.readContract({
    address: timelock,
    abi,
    functionName: 'hasRole',
    args: [await readTimelockRole(publicClient, timelock, 'PROPOSER_ROLE'), safe],
  })
  if (!isProposer) throw new Error('The TimelockController does not list the Safe as proposer.')

  // Hand the roles over (grants first, the deployer's own admin role last), with the SDK's typed writes.
  const deployer = walletClient.account.address
  const write = (functionName: 'grantRole' | 'renounceRole', args: readonly [`0x${string}`, Address]) =>
    writeVerifier(walletClient, { address: proxy, functionName, args } as never)
  await write('grantRole', [proofXRoles.DEFAULT_ADMIN_ROLE, safe])
  await write('grantRole', [proofXRoles.PAUSER_ROLE, guardian])
  await write('grantRole', [proofXRoles.UPGRADER_ROLE, timelock])
  const keep = new Set<string>(guardian === deployer ? [proofXRoles.PAUSER_ROLE] : [])
  for (const role of [proofXRoles.UPGRADER_ROLE, proofXRoles.PAUSER_ROLE, proofXRoles.DEFAULT_ADMIN_ROLE])
    if (!keep.has(role)) await write('renounceRole', [role, deployer])

  return {
    safe,
    safeVersion: SAFE_VERSION,
    owners,
    threshold: options.threshold,
    timelock,
    timelockDelay: options.timelockDelay,
    timelockExecutor,
    guardian,
    ...(safeContracts ? { safeContracts } : {}),
  }
}
