// Deploys ProofX to a local (anvil) chain with the demo policies and demo issuer, via Deploy.s.sol.
// As a module: `await deployLocal({ rpcUrl, privateKey })`. As a script:
//   node --conditions=@proofx/source --import tsx contracts/script/deploy-local.ts --rpc-url http://127.0.0.1:8545 [--private-key 0x..] [--signer 0x..]
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { createPublicClient, http, isAddress, isHex, type Address, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hashVerificationKey, toPolicyDocumentJson, type PolicyDocumentJson, type VerificationKey } from '@proofx/sdk'
import { demoIssuer, demoPolicyDocuments } from '@proofx/sdk/demo'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const forge = resolve(root, 'node_modules/.bin/forge')
/** Anvil's first default account: a public test key, for local chains only. */
export const ANVIL_PRIVATE_KEY_0: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

/** deployments/<chainId>.json, as Deploy.s.sol writes it. */
export type LocalDeployment = {
  chainId: number
  proxy: Address
  implementation: Address
  groth16Verifier: Address
  groth16BatchVerifier: Address
  vkeyHash: Hex
  deployBlock: number
  policies: { accredited: number; retail: number }
  /** Decimal string: the value exceeds JavaScript's safe integers. */
  issuerKeyHash: string
  /** The demo policy documents whose hashes Deploy.s.sol registered, bundled (dApps read their rules from here). */
  policyDocuments: Record<'accredited' | 'retail', PolicyDocumentJson>
}

export type DeployLocalParameters = {
  rpcUrl: string
  /** Deployer and admin key (0x + 64 hex). */
  privateKey: Hex
  /** Granted SIGNER_ROLE (a hosted prover's account). */
  signer?: Address | undefined
  /** Seconds a compliance record stays valid. Default 30 days. */
  validityPeriod?: number | undefined
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
 * Deploys Groth16Verifier + ProofXVerifier (implementation and ERC-1967 proxy) + Groth16BatchVerifier, registers the demo policies (ids 1
 * and 2) and the demo issuer, and returns the deployment file Deploy.s.sol wrote.
 * @example
 * const deployment = await deployLocal({ rpcUrl: 'http://127.0.0.1:8546', privateKey: ANVIL_PRIVATE_KEY_0 })
 */
export async function deployLocal(parameters: DeployLocalParameters): Promise<LocalDeployment> {
  const { rpcUrl, privateKey, signer, validityPeriod, maxProofAge, writeDeploymentFile = true } = parameters
  if (!/^https?:\/\//.test(rpcUrl)) throw new DeployLocalError('rpcUrl', 'must be an http(s) URL')
  if (!isHex(privateKey) || privateKey.length !== 66) throw new DeployLocalError('privateKey', 'must be 0x + 64 hex digits')
  if (signer !== undefined && !isAddress(signer)) throw new DeployLocalError('signer', 'must be an address')
  for (const [field, value] of [
    ['validityPeriod', validityPeriod],
    ['maxProofAge', maxProofAge],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value <= 0)) throw new DeployLocalError(field, 'must be a positive integer')
  }

  const chainId = await createPublicClient({ transport: http(rpcUrl) })
    .getChainId()
    .catch((cause: unknown) => {
      throw new DeployLocalError('rpcUrl', `is not reachable (${rpcUrl})`, { cause })
    })
  const documents = demoPolicyDocuments()
  const vkey = JSON.parse(readFileSync(resolve(root, 'circuits/artifacts/verification_key.json'), 'utf8')) as VerificationKey
  const env: Record<string, string> = {
    PROOFX_VKEY_HASH: hashVerificationKey(vkey),
    PROOFX_ISSUER_KEY_HASH: demoIssuer().keyHash.toString(),
    PROOFX_ACCREDITED_POLICY_HASH: documents.accredited.hash.toString(),
    PROOFX_RETAIL_POLICY_HASH: documents.retail.hash.toString(),
    PROOFX_ISSUER_REVOKER: privateKeyToAccount(privateKey).address,
    // Own output dirs and no forced clean build: other forge runs in this tree are left alone.
    FOUNDRY_FORCE: 'false',
    FOUNDRY_OUT: 'cache/deploy-local/out',
    FOUNDRY_CACHE_PATH: 'cache/deploy-local/cache',
    FOUNDRY_BROADCAST: 'cache/deploy-local/broadcast',
  }
  if (signer) env.PROOFX_SIGNER = signer
  if (validityPeriod) env.PROOFX_VALIDITY_PERIOD = String(validityPeriod)
  if (maxProofAge) env.PROOFX_MAX_PROOF_AGE = String(maxProofAge)

  // Each run writes its own file first, so parallel deployments to several anvils (same chain id) cannot mix up.
  const file = `cache/deploy-local/deployments/${process.pid}-${Date.now()}-${++runs}.json`
  mkdirSync(resolve(root, dirname(file)), { recursive: true })
  env.PROOFX_DEPLOYMENT_FILE = file

  const args = ['script', 'contracts/script/Deploy.s.sol:Deploy', '--rpc-url', rpcUrl, '--private-key', privateKey, '--broadcast', '--slow']
  await withCompileLock(async () => {
    try {
      await promisify(execFile)(forge, args, { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 })
    } catch (cause) {
      // The error message includes the command line, which holds the private key: report stderr only.
      const stderr = (cause as { stderr?: string }).stderr ?? ''
      throw new DeployLocalError('forge script', `failed: ${stderr.split(privateKey).join('<private key>').slice(-2000)}`)
    }
  })
  const written = JSON.parse(readFileSync(resolve(root, file), 'utf8')) as Omit<LocalDeployment, 'policyDocuments'>
  if (written.chainId !== chainId) throw new DeployLocalError('deployments file', `is for chain ${written.chainId}, not ${chainId}`)
  // Deploy.s.sol registered the documents' hashes; the file lists the documents themselves next to the ids.
  const deployment: LocalDeployment = {
    ...written,
    policyDocuments: { accredited: toPolicyDocumentJson(documents.accredited), retail: toPolicyDocumentJson(documents.retail) },
  }
  if (writeDeploymentFile) writeFileSync(resolve(root, `deployments/${chainId}.json`), `${JSON.stringify(deployment, null, 2)}\n`)
  rmSync(resolve(root, file), { force: true })
  return deployment
}

let runs = 0

/** One forge script at a time across processes: they share cache/deploy-local/out. */
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
