// `proofx deploy` rehearsed on an anvil that says it is Polygon Amoy (chain 80002): the real CLI, a V3 keystore, an
// issuer and a policy document from files; then the SDK proves (committed artifacts) and submits against the
// deployment file it wrote. The demo issuer is refused there before anything is sent.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Wallet } from '@ethereumjs/wallet'
import { createPublicClient, hexToBytes, http, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createIssuerKey, createProofX, proofXRoles, proofXVerifierAbi, randomSalt, readDeploymentFile, signCredential } from '@proofx/sdk'
import { demoIssuer } from '@proofx/sdk/demo'
import { createTestProver } from '@proofx/test-helpers/prove-for-test'
import { type AnvilInstance, buildLocalArtifacts, startAnvil } from '@proofx/test-helpers/anvil'

const root = fileURLToPath(new URL('../../', import.meta.url))
const AMOY = 80002
// Anvil's dev keys #2 (deployer) and #3 (holder): funded on the rehearsal chain only.
const DEPLOYER_KEY: Hex = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a'
const HOLDER_KEY: Hex = '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6'
const PASSPHRASE = 'rehearsal passphrase, never printed'

type Run = { code: number; stdout: string; stderr: string }
const proofx = (args: string[]): Promise<Run> =>
  new Promise((done) => {
    const child = execFile(
      process.execPath,
      ['--conditions=@proofx/source', '--import', 'tsx', 'cli/src/cli/proofx.ts', ...args],
      { cwd: root, env: { ...process.env, PROOFX_KEYSTORE_PASSWORD: undefined }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
    child.stdin?.end() // no terminal: the passphrase must come from the file
  })

// A rehearsal, in order (shuffle: false): the refusals run while the deployer has sent nothing (its nonce is still 0),
// then the deploy.
describe('proofx deploy on chain 80002 (Polygon Amoy stand-in)', { shuffle: false }, () => {
  let anvil: AnvilInstance
  let dir: string
  let forgeOut: string
  const deployer = privateKeyToAccount(DEPLOYER_KEY)
  const holder = privateKeyToAccount(HOLDER_KEY)
  const pauser = privateKeyToAccount(generatePrivateKey()).address
  const upgrader = privateKeyToAccount(generatePrivateKey()).address
  const issuer = createIssuerKey(generatePrivateKey())
  const files = { keystore: '', passphrase: '', issuer: '', demoIssuer: '', policy: '' }
  const common = () => [
    '--rpc',
    anvil.rpcUrl,
    '--chain-id',
    String(AMOY),
    '--keystore',
    files.keystore,
    '--passphrase-file',
    files.passphrase,
    '--policy',
    files.policy,
    '--forge-out',
    forgeOut,
    '--deployments-dir',
    dir,
  ]

  beforeAll(async () => {
    ;[anvil, { outDir: forgeOut }] = await Promise.all([startAnvil({ chainId: AMOY }), buildLocalArtifacts()])
    dir = mkdtempSync(join(tmpdir(), 'proofx-amoy-'))
    const write = (name: string, content: string) => {
      const path = join(dir, name)
      writeFileSync(path, content)
      return path
    }
    // What `cast wallet import` or geth writes (scrypt; a low cost keeps the test quick).
    const keystore = await Wallet.fromPrivateKey(hexToBytes(DEPLOYER_KEY)).toV3(PASSPHRASE, { kdf: 'scrypt', n: 4096 })
    files.keystore = write('deployer.keystore.json', JSON.stringify(keystore))
    files.passphrase = write('passphrase.txt', `${PASSPHRASE}\n`)
    files.issuer = write('issuer.json', JSON.stringify({ keyHash: issuer.keyHash.toString(), revoker: deployer.address }))
    files.demoIssuer = write('demo-issuer.json', JSON.stringify({ keyHash: demoIssuer().keyHash.toString(), revoker: deployer.address }))
    // A publisher's own policy document (no stated hash: parsePolicyDocument computes it).
    files.policy = write(
      'amoy-retail.json',
      JSON.stringify({
        id: '7',
        name: 'amoy-retail',
        version: 1,
        description: 'Rehearsal: KYC 1+, risk 70 or less, Germany or France.',
        validityPeriod: 7 * 86_400,
        rules: { minNetCapital: '0', minKycLevel: 1, maxRiskScore: 70, allowedJurisdictions: [276, 250] },
      }),
    )
  })
  afterAll(async () => {
    await anvil?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('refuses the public demo issuer on chain 80002 with a typed error, before any transaction', async () => {
    const run = await proofx(['deploy', ...common(), '--issuer', files.demoIssuer])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Refusing to trust the public demo issuer on chain 80002')
    const client = createPublicClient({ transport: http(anvil.rpcUrl) })
    expect(await client.getTransactionCount({ address: deployer.address })).toBe(0)
  })

  test('refuses a wrong passphrase, naming the keystore, before any transaction', async () => {
    const wrong = join(dir, 'wrong.txt')
    writeFileSync(wrong, 'not it')
    const run = await proofx(['deploy', ...common(), '--passphrase-file', wrong, '--issuer', files.issuer])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/"--keystore" in .*deployer\.keystore\.json does not open with this passphrase/)
    expect(await createPublicClient({ transport: http(anvil.rpcUrl) }).getTransactionCount({ address: deployer.address })).toBe(0)
  })

  test('deploys with the keystore, writes deployments/80002.json, and the SDK proves and submits against it', async () => {
    const run = await proofx(['deploy', ...common(), '--issuer', files.issuer, '--pauser', pauser, '--upgrader', upgrader])
    expect(run.stderr).not.toContain(PASSPHRASE)
    expect(`${run.stdout}${run.stderr}`.toLowerCase()).not.toContain(DEPLOYER_KEY.slice(2).toLowerCase())
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('Next steps:')
    expect(JSON.parse(run.stdout)).toMatchObject({ chainId: AMOY, file: join(dir, `${AMOY}.json`) })

    const deployment = readDeploymentFile(AMOY, dir)!
    expect(deployment).toMatchObject({ chainId: AMOY, policies: { 'amoy-retail': 7n }, issuerKeyHash: issuer.keyHash })
    expect(JSON.parse(readFileSync(join(dir, `${AMOY}.json`), 'utf8')).policyDocuments['amoy-retail'].validityPeriod).toBe(7 * 86_400)

    const proofX = createProofX({ chainId: AMOY, deployment, rpcUrl: anvil.rpcUrl, account: holder, pollingInterval: 50 })
    // Each role with its holder; the deployer kept only the admin role.
    const hasRole = (role: Hex, account: Hex) =>
      proofX.readContract({ address: deployment.proxy, abi: proofXVerifierAbi, functionName: 'hasRole', args: [role, account] })
    expect(
      await Promise.all([
        hasRole(proofXRoles.PAUSER_ROLE, pauser),
        hasRole(proofXRoles.UPGRADER_ROLE, upgrader),
        hasRole(proofXRoles.DEFAULT_ADMIN_ROLE, deployer.address),
      ]),
    ).toEqual([true, true, true])
    expect(await Promise.all([hasRole(proofXRoles.PAUSER_ROLE, deployer.address), hasRole(proofXRoles.UPGRADER_ROLE, deployer.address)])).toEqual([
      false,
      false,
    ])

    const { policy } = await proofX.getPublishedPolicy({ name: 'amoy-retail' })
    const now = (await proofX.getBlock()).timestamp
    const credential = signCredential(issuer, {
      subject: holder.address,
      assets: 50_000n,
      liabilities: 0n,
      kycLevel: 1,
      riskScore: 30,
      jurisdiction: 250,
      issuedAt: now - 60n,
      expiresAt: now + 90n * 86_400n,
      salt: randomSalt(),
    })
    const prover = createTestProver()
    try {
      const proof = await prover.prove({ credential, policy, subject: holder.address, now, chainId: AMOY, verifier: deployment.proxy })
      const { receipt } = await proofX.submitProof({ policyId: policy.policyId, proof })
      expect(receipt.status).toBe('success')
      expect(await proofX.isCompliant({ subject: holder.address, policyId: 7n })).toBe(true)
    } finally {
      await prover.dispose()
    }
  })
})
