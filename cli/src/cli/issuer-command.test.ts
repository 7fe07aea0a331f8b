import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { bytesToHex, createPublicClient, http, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { computeNullifier, computeScope, deserializeCredential, getPolicy, parseDeployment, parsePolicyDocument, proofXVerifierAbi } from '@proofx/sdk'
import { DEMO_POLICY_DOCUMENTS } from '@proofx/sdk/demo'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { ANVIL_PRIVATE_KEY_0, type AnvilInstance, deployLocal, type LocalDeployment, startAnvil } from '@proofx/test-helpers/anvil'

// The documented issuer journey (docs/issuer.md), command by command through the real `proofx` binary, against a
// real anvil with ProofX deployed, real files and a real SQLite ledger: key -> registration -> issuance -> revocation.

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'proofx-issuer-cli-'))
const privateKeyOf = (account: { getHdKey(): { privateKey: Uint8Array | null } }) => bytesToHex(account.getHdKey().privateKey!) as Hex
const revoker = localAccounts.relayer
let anvil: AnvilInstance
let deployment: LocalDeployment
let deploymentFile: string

type Run = { code: number; stdout: string; stderr: string }
/** `proofx <args>` from the sources, in the test's directory, with a clean environment plus `env`. */
function proofx(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      // tsx by path: the working directory is a temporary one, outside the repository.
      [
        '--conditions=@proofx/source',
        '--import',
        pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href,
        join(repo, 'cli/src/cli/proofx.ts'),
        ...args,
      ],
      {
        cwd: dir,
        env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? dir, PROOFX_RPC_URL: anvil.rpcUrl, PROOFX_ISSUER_PASSPHRASE: 'issuer passphrase', ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    )
  })
}
const json = (run: Run) => {
  expect(run, run.stderr).toMatchObject({ code: 0 })
  return JSON.parse(run.stdout)
}

beforeAll(async () => {
  anvil = await startAnvil()
  deployment = await deployLocal({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_PRIVATE_KEY_0, writeDeploymentFile: false })
  mkdirSync(join(dir, 'deployments'))
  deploymentFile = join(dir, 'deployments', `${deployment.chainId}.json`)
  writeFileSync(deploymentFile, JSON.stringify(deployment, null, 2))
}, 300_000)
afterAll(() => anvil?.stop())

// A journey by design, not shuffled: the key made in one step is registered, issues, then revokes in the next,
// each step a real CLI process against one anvil (a fresh chain and keystore per step would repeat them all).
describe('proofx issuer', { shuffle: false }, () => {
  let keyHash: string
  const subject = localAccounts.subject.address
  const publicClient = () => createPublicClient({ transport: http(anvil.rpcUrl) })

  test('key create writes an encrypted keystore; key hash prints its hash without the passphrase', async () => {
    const created = json(await proofx(['issuer', 'key', 'create', '--scrypt-n', '16384']))
    keyHash = created.keyHash
    expect(readFileSync(join(dir, 'issuer-key.json'), 'utf8')).toContain('"cipher": "aes-256-gcm"')
    const hash = await proofx(['issuer', 'key', 'hash'], { PROOFX_ISSUER_PASSPHRASE: '' })
    expect(hash.stdout.trim()).toBe(keyHash)
    // A second create would overwrite a registered key: refused.
    const again = await proofx(['issuer', 'key', 'create', '--scrypt-n', '16384'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists/)
  })

  test('the admin registers the key with its revoker (proofx admin add-issuer)', async () => {
    json(
      await proofx(['admin', 'add-issuer', '--deployment', deploymentFile, '--issuer-key-hash', keyHash, '--revoker', revoker.address], {
        PROOFX_ADMIN_KEY: ANVIL_PRIVATE_KEY_0,
      }),
    )
    expect(
      await publicClient().readContract({ address: deployment.proxy, abi: proofXVerifierAbi, functionName: 'isTrustedIssuer', args: [BigInt(keyHash)] }),
    ).toBe(true)
  })

  let ids: string[] = []
  test('issue from CSV and from JSON: credential files plus ledger rows; list shows them', async () => {
    writeFileSync(
      join(dir, 'batch.csv'),
      `subject,assets,liabilities,kycLevel,riskScore,jurisdiction\n${subject},2000000,500000,3,20,276\n${localAccounts.otherSubject.address},900000,100000,2,30,250\n`,
    )
    const batch = json(await proofx(['issuer', 'issue', '--input', 'batch.csv']))
    const single = json(
      await proofx([
        'issuer',
        'issue',
        '--subject',
        subject,
        '--attributes',
        '{"assets":"700000","liabilities":"0","kycLevel":2,"riskScore":10,"jurisdiction":840}',
        '--valid-days',
        '30',
      ]),
    )
    ids = [...batch, ...single].map((c: { id: string }) => c.id)
    expect(ids).toHaveLength(3)
    const credential = deserializeCredential(readFileSync(join(dir, batch[0].file), 'utf8'))
    expect(credential.attributes).toMatchObject({ subject, assets: 2_000_000n, jurisdiction: 276 })
    expect(credential.attributes.expiresAt - credential.attributes.issuedAt).toBe(365n * 86_400n)
    expect(single[0].expiresAt - Number(deserializeCredential(readFileSync(join(dir, single[0].file), 'utf8')).attributes.issuedAt)).toBe(30 * 86_400)

    const list = json(await proofx(['issuer', 'list']))
    expect(list.map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort())
    expect(list.every((r: { status: string; issuerKeyHash: string }) => r.status === 'issued' && r.issuerKeyHash === keyHash)).toBe(true)
    expect(json(await proofx(['issuer', 'list', '--subject', subject]))).toHaveLength(2)
  })

  test("bad input fails with the prover's message naming the line, and issues nothing", async () => {
    writeFileSync(join(dir, 'bad.csv'), `subject,assets,liabilities,kycLevel,riskScore,jurisdiction\n${subject},1,0,2,10,276\n${subject},1,0,2.5,10,276\n`)
    const run = await proofx(['issuer', 'issue', '--input', 'bad.csv'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/line 3\.kycLevel/)
    expect(run.stderr).toMatch(/must be a non-negative decimal integer string/)
    const wrongPassphrase = await proofx(['issuer', 'issue', '--input', 'batch.csv'], { PROOFX_ISSUER_PASSPHRASE: 'not it' })
    expect(wrongPassphrase.code).toBe(1)
    expect(wrongPassphrase.stderr).toMatch(/Wrong passphrase/)
    expect(json(await proofx(['issuer', 'list']))).toHaveLength(3)
  })

  test("revoke computes the deployment's nullifier, sends revokeCredential from the revoker and marks the ledger", async () => {
    const [id] = ids
    const credential = deserializeCredential(readFileSync(join(dir, 'credentials', `${id}.json`), 'utf8'))
    const nullifier = computeNullifier(credential.attributes, computeScope(deployment.chainId, deployment.proxy))
    const isRevoked = () =>
      publicClient().readContract({ address: deployment.proxy, abi: proofXVerifierAbi, functionName: 'isRevoked', args: [BigInt(keyHash), nullifier] })
    expect(await isRevoked()).toBe(false)

    const revoked = json(await proofx(['issuer', 'revoke', id!, '--deployment', deploymentFile], { PROOFX_REVOKER_KEY: privateKeyOf(revoker) }))
    expect(revoked).toMatchObject({
      id,
      nullifier: nullifier.toString(),
      status: 'revoked',
      alreadyRevoked: false,
      transactionHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
    })
    expect(await isRevoked()).toBe(true)
    expect(json(await proofx(['issuer', 'show', id!]))).toMatchObject({
      status: 'revoked',
      revocations: [{ chainId: deployment.chainId, contract: deployment.proxy, nullifier: nullifier.toString() }],
    })
    expect(json(await proofx(['issuer', 'list', '--status', 'revoked'])).map((r: { id: string }) => r.id)).toEqual([id])

    // Again: the contract already has it; the ledger says so, nothing is sent.
    expect(json(await proofx(['issuer', 'revoke', id!, '--deployment', deploymentFile], { PROOFX_REVOKER_KEY: privateKeyOf(revoker) }))).toMatchObject({
      alreadyRevoked: true,
      transactionHash: null,
    })
  })

  test("a key that is not the issuer's revoker is refused by the contract, and the ledger is unchanged", async () => {
    const run = await proofx(['issuer', 'revoke', ids[1]!, '--deployment', deploymentFile], { PROOFX_REVOKER_KEY: privateKeyOf(localAccounts.stranger) })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/revoke/i)
    expect(run.stderr).not.toMatch(/0x[0-9a-f]{8}[0-9a-f]*\s*$/m)
    expect(json(await proofx(['issuer', 'show', ids[1]!]))).toMatchObject({ status: 'issued', revocations: [] })
    const unknown = await proofx(['issuer', 'revoke', 'no-such-id', '--deployment', deploymentFile], { PROOFX_REVOKER_KEY: privateKeyOf(revoker) })
    expect(unknown.stderr).toMatch(/No credential "no-such-id"/)
  })
})

describe('proofx policy', () => {
  const document = {
    ...DEMO_POLICY_DOCUMENTS.retail,
    id: '7',
    name: 'retail-eu',
    rules: { ...DEMO_POLICY_DOCUMENTS.retail.rules, allowedJurisdictions: [276, 250] },
  }
  const file = () => {
    const path = join(dir, 'retail-eu.json')
    writeFileSync(path, JSON.stringify(document))
    return path
  }

  test("validate and hash use the SDK's parsePolicyDocument; a bad document names the field", async () => {
    const expected = parsePolicyDocument(document).hash
    expect(json(await proofx(['policy', 'validate', file()]))).toMatchObject({
      valid: true,
      document: { id: '7', name: 'retail-eu', hash: expected.toString() },
    })
    expect((await proofx(['policy', 'hash', file()])).stdout.trim()).toBe(expected.toString())
    writeFileSync(join(dir, 'bad-policy.json'), JSON.stringify({ ...document, rules: { ...document.rules, maxRiskScore: 300 } }))
    const bad = await proofx(['policy', 'validate', 'bad-policy.json'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/policyDocument\.rules\.maxRiskScore/)
  })

  test("set registers the document's id, hash and validity period on-chain", async () => {
    const set = json(await proofx(['policy', 'set', file(), '--deployment', deploymentFile], { PROOFX_ADMIN_KEY: ANVIL_PRIVATE_KEY_0 }))
    const onChain = await getPolicy(createPublicClient({ transport: http(anvil.rpcUrl) }), { address: deployment.proxy, policyId: 7n })
    expect(onChain).toMatchObject({ policyHash: BigInt(set.policyHash), validityPeriod: document.validityPeriod, active: true, registered: true })
    expect(set.policyHash).toBe(parsePolicyDocument(document).hash.toString())
    // The deployment file lists it now: the one place dApps read a deployment's policies from.
    expect(set.deploymentFile).toEqual({ path: deploymentFile, listed: 'bundled' })
    const listed = parseDeployment(JSON.parse(readFileSync(deploymentFile, 'utf8')))
    expect(listed.policies['retail-eu']).toBe(7n)
    expect(listed.policyDocuments['retail-eu']).toMatchObject({ id: 7n, hash: parsePolicyDocument(document).hash })
    expect(Object.keys(listed.policyDocuments)).toEqual(expect.arrayContaining(['accredited', 'retail', 'retail-eu']))
  })

  test('set refuses, before sending anything, a document the deployment file lists under another id', async () => {
    const path = join(dir, 'accredited-9.json')
    writeFileSync(path, JSON.stringify({ ...DEMO_POLICY_DOCUMENTS.accredited, id: '9' }))
    const run = await proofx(['policy', 'set', path, '--deployment', deploymentFile], { PROOFX_ADMIN_KEY: ANVIL_PRIVATE_KEY_0 })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/policyDocument\.id.*lists "accredited" as policy 1/)
    const onChain = await getPolicy(createPublicClient({ transport: http(anvil.rpcUrl) }), { address: deployment.proxy, policyId: 9n })
    expect(onChain.registered).toBe(false)
  })
})
