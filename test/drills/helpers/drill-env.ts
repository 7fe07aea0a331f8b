import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { bytesToHex, createPublicClient, createWalletClient, http, type Address, type HDAccount, type LocalAccount, type PublicClient } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { anvil } from 'viem/chains'
import { proofXRoles, proofXVerifierAbi, type ArtifactSources, type CircuitVersion, type ProofXDeployment } from '@proofx/sdk'
import { GROTH16_VERIFIER_CONTRACTS } from '@proofx/sdk/deploy'
import {
  runAdminOperation,
  type AdminContext,
  type AdminParams,
  jsonLinesSink,
  type AlertSink,
  type Alert,
  createMonitor,
  createContractRelayer,
  createProverServer,
  type ProverServerOptions,
  createSdkProverBackend,
} from '@proofx/cli'
import { type AnvilInstance, startAnvil } from '@proofx/test-helpers/anvil'
import { deployDrill, forgeArtifactPath, type DeployDrillOptions } from './deploy-drill.js'
import { circuitArtifacts } from './circuit-artifacts.js'
import { waitUntil } from '@proofx/test-helpers/wait-until'

const MNEMONIC = 'test test test test test test test test test test test junk'

/** anvil's funded accounts: 0 is the deployer and admin. */
export const account = (index: number): HDAccount => mnemonicToAccount(MNEMONIC, { addressIndex: index })
export const privateKeyOf = (a: HDAccount) => bytesToHex(a.getHdKey().privateKey!)

export type DrillEnv = {
  anvil: AnvilInstance
  deployment: ProofXDeployment
  /** The circuit version the deployment started on (its verifier, key and policy hashes). */
  circuitVersion: CircuitVersion
  publicClient: PublicClient
  dir: string
  admin: HDAccount
  wallet: (a: LocalAccount) => ReturnType<typeof createWalletClient<ReturnType<typeof http>, typeof anvil, LocalAccount>>
  chainNow: () => Promise<bigint>
  /** `proofx admin <operation>` as the admin account. */
  adminRun: (operation: string, params?: AdminParams, options?: { dryRun?: boolean }) => ReturnType<typeof runAdminOperation>
  /** A monitor over the proxy with its checkpoint and alert file in `dir`; alerts also land in `seen`. */
  monitor: (options?: { gasBaseline?: bigint; extraSinks?: AlertSink[] }) => { catchUp: () => Promise<Alert[]>; seen: Alert[] }
  alertsFile: string
  checkpointFile: string
  /** An in-process `proofx serve` on loopback with one worker; relays with `signer` when given. */
  startProver: (options?: {
    signer?: LocalAccount
    /** Artifacts to prove with. Default: the committed ones of the deployment's circuit version. */
    artifacts?: ArtifactSources
    server?: Partial<ProverServerOptions>
  }) => Promise<{ url: string; close: () => Promise<void> }>
  stop: () => Promise<void>
}

export type DrillEnvOptions = DeployDrillOptions

export async function createDrillEnv({ circuitVersion = 2 }: DrillEnvOptions = {}): Promise<DrillEnv> {
  // The drills deploy the Foundry build; `npm test` runs forge before the e2e project.
  for (const name of [GROTH16_VERIFIER_CONTRACTS[circuitVersion], 'ProofXVerifier', 'ERC1967Proxy'])
    if (!existsSync(forgeArtifactPath(name))) throw new Error(`${forgeArtifactPath(name)} is missing: run \`npx forge build\` first.`)
  const anvilInstance = await startAnvil()
  const deployment = await deployDrill(anvilInstance.rpcUrl, account(0), { circuitVersion })
  const transport = http(anvilInstance.rpcUrl)
  const publicClient = createPublicClient({ chain: anvil, transport, pollingInterval: 50 }) as PublicClient
  const wallet = (a: LocalAccount) => createWalletClient({ account: a, chain: anvil, transport, pollingInterval: 50 })
  const admin = account(0)
  const dir = mkdtempSync(`${tmpdir()}/proofx-drill-`)
  const alertsFile = `${dir}/alerts.jsonl`
  const checkpointFile = `${dir}/checkpoint.json`
  const adminCtx: AdminContext = { publicClient, walletClient: wallet(admin), contract: deployment.proxy }
  const chainNow = async () => (await publicClient.getBlock({ blockTag: 'latest' })).timestamp
  const servers: { close: () => Promise<void> }[] = []

  return {
    anvil: anvilInstance,
    deployment,
    circuitVersion,
    publicClient,
    dir,
    admin,
    wallet,
    chainNow,
    alertsFile,
    checkpointFile,
    adminRun: (operation, params = {}, options = {}) => runAdminOperation(adminCtx, operation, params, options),
    monitor: ({ gasBaseline, extraSinks = [] } = {}) => {
      const seen: Alert[] = []
      const m = createMonitor({
        client: publicClient,
        contract: deployment.proxy,
        checkpointPath: checkpointFile,
        fromBlock: deployment.deployBlock,
        gasBaseline,
        sinks: [
          ...extraSinks,
          jsonLinesSink(alertsFile),
          async (a) => {
            seen.push(a)
          },
        ],
      })
      return { catchUp: m.catchUp, seen }
    },
    startProver: async ({ signer, artifacts = circuitArtifacts(circuitVersion), server: serverOptions = {} } = {}) => {
      const app = await createProverServer({
        backend: createSdkProverBackend({ artifacts, size: 1 }),
        chainId: anvilInstance.chainId,
        verifier: deployment.proxy,
        relayer: signer ? createContractRelayer({ walletClient: wallet(signer), contract: deployment.proxy }) : undefined,
        now: chainNow,
        maxQueue: 4,
        logger: false,
        ...serverOptions,
      })
      const url = await app.listen({ host: '127.0.0.1', port: 0 })
      await waitUntil(async () => (await fetch(`${url}/readyz`)).ok, { what: 'the prover to be ready' })
      const server = { url, close: () => app.close() }
      servers.push(server)
      return server
    },
    stop: async () => {
      await Promise.all(servers.map((s) => s.close().catch(() => {})))
      await anvilInstance.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** POST /v1/proofs and return status + JSON. */
export async function requestProof(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}/v1/proofs`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  return { status: res.status, json: await res.json() }
}

export const isSigner = (env: DrillEnv, who: Address) =>
  env.publicClient.readContract({ address: env.deployment.proxy, abi: proofXVerifierAbi, functionName: 'hasRole', args: [proofXRoles.SIGNER_ROLE, who] })

export const isCompliant = (env: DrillEnv, subject: Address, policyId = 1n) =>
  env.publicClient.readContract({ address: env.deployment.proxy, abi: proofXVerifierAbi, functionName: 'isCompliant', args: [subject, policyId] })
