// Deploys ProofX to a local anvil chain (31337) with the demo policies and the demo issuer, through the one deploy
// helper (deployProofX) the CLI, tests, drills and the in-browser EVM use. Other chains: `proofx deploy`.
// As a module: `await deployLocal({ rpcUrl, privateKey })`. As a script:
//   node --conditions=@proofx/source --import tsx contracts/script/deploy-local.ts --rpc-url http://127.0.0.1:8545 [--private-key 0x..] [--signer 0x..]
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { isAddress, isHex, type Address, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { toDeploymentJson, type ProofXDeploymentJson, type VerificationKey } from '@proofx/sdk'
import { demoIssuer, demoPolicyDocuments } from '@proofx/sdk/demo'
import type { ProofXContractArtifacts } from '@proofx/sdk/deploy'
import { readProofXArtifacts, runDeploy } from '@proofx/cli'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const forge = resolve(root, 'node_modules/.bin/forge')
/** Anvil's first default account: a public test key, for local chains only. */
export const ANVIL_PRIVATE_KEY_0: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
/** Own build directory, incremental: other forge runs in this tree (whose config forces clean builds) are left alone. */
const LOCAL_OUT = 'cache/deploy-local/out'

/** deployments/<chainId>.json (toDeploymentJson). */
export type LocalDeployment = ProofXDeploymentJson

export type DeployLocalParameters = {
  rpcUrl: string
  /** Deployer and admin key (0x + 64 hex). */
  privateKey: Hex
  /** Granted SIGNER_ROLE (a hosted prover's account). */
  signer?: Address | undefined
  /** Maximum age of a proof's timestamp in seconds. Default 1 day. */
  maxProofAge?: number | undefined
  /** Also write deployments/<chainId>.json (what the SDK CLI and examples read). Default true. */
  writeDeploymentFile?: boolean | undefined
}

export class DeployLocalError extends Error {
  override name = 'DeployLocalError' as const
  constructor(
    readonly field: string,
    readonly rule: string,
    options?: { cause?: unknown },
  ) {
    super(`deployLocal: "${field}" ${rule}`, options)
  }
}

/**
 * Builds the contracts (incrementally, into cache/deploy-local/out), then deploys Groth16Verifier + ProofXVerifier
 * (implementation and ERC-1967 proxy) + Groth16BatchVerifier, registers the demo policies (ids 1 and 2) and the demo
 * issuer, and returns the deployment file. The demo issuer is refused on any chain but 31337
 * (DemoIssuerOnPublicChainError).
 * @example
 * const deployment = await deployLocal({ rpcUrl: 'http://127.0.0.1:8546', privateKey: ANVIL_PRIVATE_KEY_0 })
 */
export async function deployLocal(parameters: DeployLocalParameters): Promise<LocalDeployment> {
  const { rpcUrl, privateKey, signer, maxProofAge, writeDeploymentFile = true } = parameters
  if (!isHex(privateKey) || privateKey.length !== 66) throw new DeployLocalError('privateKey', 'must be 0x + 64 hex digits')
  if (signer !== undefined && !isAddress(signer)) throw new DeployLocalError('signer', 'must be an address')
  const account = privateKeyToAccount(privateKey)
  const artifacts = await buildLocalArtifacts()
  const verificationKey = JSON.parse(readFileSync(resolve(root, 'circuits/artifacts/verification_key.json'), 'utf8')) as VerificationKey
  const { deployment } = await runDeploy({
    rpcUrl,
    account,
    artifacts,
    verificationKey,
    policies: Object.values(demoPolicyDocuments()),
    issuers: [{ keyHash: demoIssuer().keyHash, revoker: account.address }],
    signers: signer ? [signer] : [],
    maxProofAge,
    deploymentsDir: resolve(root, 'deployments'),
    writeFile: writeDeploymentFile,
    pollingInterval: 50,
  })
  return toDeploymentJson(deployment)
}

/**
 * Builds the four contracts (sparse and incremental, into cache/deploy-local/out) and reads their artifacts at once.
 * Returns the build directory too, for `proofx deploy --forge-out`.
 */
export async function buildLocalArtifacts(): Promise<ProofXContractArtifacts & { outDir: string }> {
  const outDir = resolve(root, LOCAL_OUT)
  return withCompileLock(async () => {
    await buildContracts()
    return { ...readProofXArtifacts(outDir), outDir }
  })
}

/** The four contracts and what they import, no tests. */
async function buildContracts(): Promise<void> {
  const sources = [
    'contracts/src/Groth16Verifier_v2.sol',
    'contracts/src/ProofXVerifier.sol',
    'contracts/src/Groth16BatchVerifier.sol',
    'node_modules/@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol',
  ]
  const env = { FOUNDRY_FORCE: 'false', FOUNDRY_OUT: LOCAL_OUT, FOUNDRY_CACHE_PATH: 'cache/deploy-local/cache' }
  try {
    await promisify(execFile)(forge, ['build', ...sources], { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 })
  } catch (cause) {
    throw new DeployLocalError('forge build', `failed: ${((cause as { stderr?: string }).stderr ?? '').slice(-2000)}`)
  }
}

/** One forge build at a time across processes: they share cache/deploy-local/out. */
async function withCompileLock<T>(run: () => Promise<T>): Promise<T> {
  const lock = resolve(root, 'cache/deploy-local/.lock')
  mkdirSync(dirname(lock), { recursive: true })
  const deadline = Date.now() + 10 * 60_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // Held by another run; break it if its owner died long ago.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > 5 * 60_000) rmSync(lock, { recursive: true, force: true })
      if (Date.now() > deadline) throw new DeployLocalError('cache/deploy-local/.lock', 'was held for more than 10 minutes')
      await new Promise((done) => setTimeout(done, 250))
    }
  }
  try {
    return await run()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  deployLocal({
    rpcUrl: argument('--rpc-url') ?? 'http://127.0.0.1:8545',
    privateKey: (argument('--private-key') as Hex | undefined) ?? ANVIL_PRIVATE_KEY_0,
    signer: argument('--signer') as Address | undefined,
  }).then(
    (deployment) => {
      console.log(JSON.stringify(deployment, null, 2))
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
