// `proofx deploy` with governance on a real anvil: the CLI deploys ProofX, the real Safe 1.4.1 (2-of-3) and an
// OpenZeppelin TimelockController, hands the roles over (Safe admin, timelock upgrader, guardian pauser, deployer
// nothing) and records them in deployments/31337.json; `proofx keys audit` reports them; then a verifier swap runs the
// whole governed path with the CLI alone: propose, two owners sign offline, schedule, refused before the delay,
// executed after it. Bad governance flags are refused with typed errors before anything is sent.
import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Wallet } from '@ethereumjs/wallet'
import { createPublicClient, hexToBytes, http, type Address, type Hex, type PublicClient } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { proofXRoles, proofXVerifierAbi } from '@proofx/sdk'
import { connectSafe, foundryArtifactPath, timelockAbi, type GovernanceDeployment } from '@proofx/cli'
import { type AnvilInstance, buildLocalArtifacts, startAnvil } from '@proofx/test-helpers/anvil'

const root = fileURLToPath(new URL('../../', import.meta.url))
// anvil's dev keys: #0 deploys, #9 is an operator who pays for proposals that deploy something and for executing.
const DEPLOYER_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
const OPERATOR_KEY: Hex = '0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6'
const GUARDIAN_KEY: Hex = '0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97' // #8
const PASSPHRASE = 'deployer passphrase'
const DELAY = 3600
// The owners' keys never touch the chain: each signs proposal files offline.
const OWNER_KEYS = [generatePrivateKey(), generatePrivateKey(), generatePrivateKey()] as const
const owners = OWNER_KEYS.map((k) => privateKeyToAccount(k).address)
const guardian = privateKeyToAccount(GUARDIAN_KEY).address
const deployer = privateKeyToAccount(DEPLOYER_KEY).address

type Run = { code: number; stdout: string; stderr: string; json: any }
const proofx = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--conditions=@proofx/source', '--import', 'tsx', 'cli/src/cli/proofx.ts', ...args],
      { cwd: root, env: { ...process.env, PROOFX_KEYSTORE_PASSWORD: undefined, PROOFX_ADMIN_KEY: undefined, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        let json: unknown
        try {
          json = JSON.parse(stdout)
        } catch {}
        done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr, json })
      },
    )
    child.stdin?.end()
  })

// One deployment's life, in order (shuffle: false): the refusals run before anything is sent from the deployer (its
// nonce is still 0), then the deploy, and the audit and the verifier swap act on the deployment file it wrote.
describe('proofx deploy --safe-owners --safe-threshold --timelock-delay --guardian', { shuffle: false }, () => {
  let anvil: AnvilInstance
  let client: PublicClient
  let dir: string
  let forgeOut: string
  let keystore: string
  let passphrase: string
  let file: string
  let governance: GovernanceDeployment
  const deployArgs = (rpc: string, extra: string[]) => [
    'deploy',
    '--rpc',
    rpc,
    '--keystore',
    keystore,
    '--passphrase-file',
    passphrase,
    '--demo',
    '--forge-out',
    forgeOut,
    '--deployments-dir',
    dir,
    ...extra,
  ]
  const governed = (overrides: Record<string, string> = {}) =>
    Object.entries({
      '--safe-owners': owners.join(','),
      '--safe-threshold': '2',
      '--timelock-delay': String(DELAY),
      '--guardian': guardian,
      ...overrides,
    }).flat()
  const hasRole = (role: Hex, who: Address, proxy: Address) =>
    client.readContract({ address: proxy, abi: proofXVerifierAbi, functionName: 'hasRole', args: [role, who] })

  beforeAll(async () => {
    ;[anvil, { outDir: forgeOut }] = await Promise.all([startAnvil(), buildLocalArtifacts()])
    client = createPublicClient({ transport: http(anvil.rpcUrl) }) as PublicClient
    dir = mkdtempSync(join(tmpdir(), 'proofx-deploy-governed-'))
    keystore = join(dir, 'deployer.keystore.json')
    writeFileSync(keystore, JSON.stringify(await Wallet.fromPrivateKey(hexToBytes(DEPLOYER_KEY)).toV3(PASSPHRASE, { kdf: 'scrypt', n: 4096 })))
    passphrase = join(dir, 'passphrase.txt')
    writeFileSync(passphrase, PASSPHRASE)
    file = join(dir, '31337.json')
  })
  afterAll(async () => {
    await anvil?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  // A few CLI runs each (a node + tsx start apiece): allow for a loaded machine.
  test('bad governance flags are refused with the flag and the rule, before any transaction', { timeout: 600_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [governed({ '--safe-threshold': '4' }), /"--safe-threshold" must be an integer from 1 to 3 \(the number of owners\)/],
      [governed({ '--safe-owners': `${owners[0]},${owners[1]},${owners[0]!.toLowerCase()}` }), /"--safe-owners" must not repeat an owner/],
      [[...governed(), '--admin', owners[0]!], /"--admin" cannot be combined with --safe-owners/],
      [governed({ '--guardian': '0x0000000000000000000000000000000000000000' }), /"--guardian" must not be the zero address/],
      [['--safe-owners', owners.join(','), '--safe-threshold', '2'], /"--timelock-delay" is required with --safe-owners, --safe-threshold/],
    ]
    for (const [flags, message] of cases) {
      const run = await proofx(deployArgs(anvil.rpcUrl, flags))
      expect(run.code, run.stderr).toBe(1)
      expect(run.stderr).toMatch(message)
    }
    expect(await client.getTransactionCount({ address: deployer })).toBe(0)
  })

  test('a zero timelock delay is refused off the local chain, before any transaction', async () => {
    const amoy = await startAnvil({ chainId: 80002 })
    try {
      const run = await proofx(
        deployArgs(amoy.rpcUrl, ['--issuer', issuerFile(), '--policy', policyFile(), ...governed({ '--timelock-delay': '0' })]).filter((a) => a !== '--demo'),
      )
      expect(run.code, run.stderr).toBe(1)
      expect(run.stderr).toMatch(/"--timelock-delay" must be more than 0 on chain 80002/)
      expect(await createPublicClient({ transport: http(amoy.rpcUrl) }).getTransactionCount({ address: deployer })).toBe(0)
    } finally {
      await amoy.stop()
    }
  })

  test('deploys ProofX under a 2-of-3 Safe, a timelock and a guardian; the deployer keeps no role', async () => {
    const run = await proofx(deployArgs(anvil.rpcUrl, governed()))
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/Governance: Safe 0x[0-9a-fA-F]{40} \(2 of 3 owners\) holds DEFAULT_ADMIN_ROLE; timelock 0x[0-9a-fA-F]{40} \(3600 s delay\)/)
    expect(run.stderr).toContain('proofx admin sign --proposal')
    expect(run.stderr).toContain('proofx admin execute-scheduled')
    const written = JSON.parse(readFileSync(file, 'utf8'))
    governance = written.governance
    expect(run.json).toMatchObject({ chainId: 31337, file, governance })
    expect(governance).toMatchObject({ owners, threshold: 2, timelockDelay: DELAY, timelockExecutor: 'safe', guardian, safeVersion: '1.4.1' })

    const proxy = written.proxy as Address
    expect(await hasRole(proofXRoles.DEFAULT_ADMIN_ROLE, governance.safe, proxy)).toBe(true)
    expect(await hasRole(proofXRoles.UPGRADER_ROLE, governance.timelock, proxy)).toBe(true)
    expect(await hasRole(proofXRoles.PAUSER_ROLE, guardian, proxy)).toBe(true)
    for (const role of [proofXRoles.DEFAULT_ADMIN_ROLE, proofXRoles.UPGRADER_ROLE, proofXRoles.PAUSER_ROLE])
      expect(await hasRole(role, deployer, proxy)).toBe(false)
    // The Safe cannot give itself the upgrade power: UPGRADER_ROLE administers itself.
    expect(await client.readContract({ address: proxy, abi: proofXVerifierAbi, functionName: 'getRoleAdmin', args: [proofXRoles.UPGRADER_ROLE] })).toBe(
      proofXRoles.UPGRADER_ROLE,
    )
    const kit = await connectSafe({ rpcUrl: anvil.rpcUrl, chainId: 31337, safe: governance.safe, safeContracts: governance.safeContracts })
    expect(await kit.getOwners()).toEqual(owners)
    expect(await kit.getThreshold()).toBe(2)
    expect(await client.readContract({ address: governance.timelock, abi: timelockAbi(), functionName: 'getMinDelay' })).toBe(BigInt(DELAY))
  })

  test('proofx keys audit reports the governance from the deployment file', async () => {
    const run = await proofx(['keys', 'audit', '--deployment', file, '--rpc', anvil.rpcUrl])
    expect(run.code, run.stderr).toBe(0)
    expect(run.json.governance).toMatchObject({
      roles: {
        DEFAULT_ADMIN_ROLE: [{ account: governance.safe, is: 'safe' }],
        UPGRADER_ROLE: [{ account: governance.timelock, is: 'timelock' }],
        PAUSER_ROLE: [{ account: guardian, is: 'guardian' }],
      },
      safe: { owners, threshold: 2, version: '1.4.1' },
      timelock: { minDelaySeconds: DELAY, proposers: [governance.safe], executors: [governance.safe], cancellers: [governance.safe], pending: [] },
      guardian,
      warnings: [],
    })
  })

  test('a verifier swap through the CLI: propose, two owners sign offline, schedule, refused early, executed after the delay', {
    timeout: 900_000,
  }, async () => {
    const chain = ['--deployment', file, '--rpc', anvil.rpcUrl]
    const operator = { PROOFX_ADMIN_KEY: OPERATOR_KEY }
    const sign = async (proposal: string, keys: readonly Hex[]) => {
      const files: string[] = []
      for (const [i, key] of keys.entries()) {
        const out = `${proposal}.owner-${i}.sig.json`
        // `proofx admin sign` reads no RPC: the owner's machine needs only the proposal file and the key.
        const run = await proofx(['admin', 'sign', '--proposal', proposal, '--out', out], { PROOFX_ADMIN_KEY: key })
        expect(run.code, run.stderr).toBe(0)
        expect(run.json).toMatchObject({ signer: privateKeyToAccount(key).address, safe: governance.safe })
        files.push(out)
      }
      return files
    }
    const proxy = JSON.parse(readFileSync(file, 'utf8')).proxy as Address

    // The guardian pauses at once, alone; an owner's key alone cannot pause.
    expect((await proofx(['admin', 'pause', ...chain], { PROOFX_ADMIN_KEY: OWNER_KEYS[0] })).code).toBe(1)
    const paused = await proofx(['admin', 'pause', ...chain], { PROOFX_ADMIN_KEY: GUARDIAN_KEY })
    expect(paused.code, paused.stderr).toBe(0)
    expect(paused.json).toMatchObject({ route: 'direct', from: guardian, stateAfter: { paused: true } })

    const artifact = join(dir, 'Groth16Verifier_v2.json')
    copyFileSync(foundryArtifactPath(forgeOut, 'Groth16Verifier_v2'), artifact)
    const vkeyHash = `0x${'34'.repeat(32)}`
    const schedule = join(dir, 'schedule.json')
    const proposed = await proofx(
      ['admin', 'set-verifier', ...chain, '--verifier-artifact', artifact, '--vkey-hash', vkeyHash, '--void-earlier-records', 'true', '--propose', schedule],
      operator,
    )
    expect(proposed.code, proposed.stderr).toBe(0)
    expect(proposed.json).toMatchObject({ route: 'timelock', proposal: { phase: 'schedule', safe: governance.safe, timelock: { delay: String(DELAY) } } })
    const newVerifier = proposed.json.deploySteps[0].deployedAddress as Address

    const [first, , third] = await sign(schedule, OWNER_KEYS)
    // One owner's signature alone is refused before sending.
    const alone = await proofx(['admin', 'execute', ...chain, '--proposal', schedule, '--signatures', first!], operator)
    expect(alone.code).toBe(1)
    expect(alone.stderr).toMatch(/needs 2 owner signatures; 1 valid one\(s\) given/)
    const scheduled = await proofx(['admin', 'execute', ...chain, '--proposal', schedule, '--signatures', `${first},${third}`], operator)
    expect(scheduled.code, scheduled.stderr).toBe(0)
    expect(scheduled.json.timelock).toMatchObject({ state: 'waiting' })

    const execution = join(dir, 'execute.json')
    const early = await proofx(['admin', 'execute-scheduled', ...chain, '--proposal', schedule, '--propose', execution])
    expect(early.code).toBe(1)
    expect(early.stderr).toMatch(/still in its delay: ready at/)
    const audit = await proofx(['keys', 'audit', ...chain])
    expect(audit.json.governance.timelock.pending).toEqual([expect.objectContaining({ target: proxy, ready: false })])

    await client.request({ method: 'evm_increaseTime' as never, params: [DELAY] as never })
    await client.request({ method: 'evm_mine' as never })
    const ready = await proofx(['admin', 'execute-scheduled', ...chain, '--proposal', schedule, '--propose', execution])
    expect(ready.code, ready.stderr).toBe(0)
    const [, second, last] = await sign(execution, OWNER_KEYS)
    const swapped = await proofx(['admin', 'execute', ...chain, '--proposal', execution, '--signatures', `${second},${last}`], operator)
    expect(swapped.code, swapped.stderr).toBe(0)
    expect(swapped.json.stateAfter).toEqual({ verifier: newVerifier, vkeyHash, verifierGeneration: 2, validFromGeneration: 2 })
    expect(await client.readContract({ address: proxy, abi: proofXVerifierAbi, functionName: 'vkeyHash' })).toBe(vkeyHash)
  })

  const issuerFile = () => {
    const path = join(dir, 'issuer.json')
    writeFileSync(path, JSON.stringify({ keyHash: '12345', revoker: deployer }))
    return path
  }
  const policyFile = () => {
    const path = join(dir, 'policy.json')
    writeFileSync(
      path,
      JSON.stringify({
        id: '7',
        name: 'governed-retail',
        version: 1,
        description: 'KYC 1+, risk 70 or less.',
        validityPeriod: 86_400,
        rules: { minNetCapital: '0', minKycLevel: 1, maxRiskScore: 70, allowedJurisdictions: [276] },
      }),
    )
    return path
  }
})
