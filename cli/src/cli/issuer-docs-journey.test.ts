import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { bytesToHex, createPublicClient, http, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { proofXVerifierAbi, readCredentialLink } from '@proofx/sdk'
import { DEMO_POLICY_DOCUMENTS } from '@proofx/sdk/demo'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { ANVIL_PRIVATE_KEY_0, type AnvilInstance, deployLocal, type LocalDeployment, startAnvil } from '@proofx/test-helpers/anvil'

// docs/issuer.md promises a provider goes from key creation to a revoked credential with its commands only. This
// runs them as the page writes them, in its order, through bash: `npm run proofx -- …` is the CLI from source, the
// page's `export` lines stay in force, its CSV block is the batch file. The only edits are the placeholders
// (`0x…` keys, `<key hash from step 1>`, `0xRevokerAddress`, `<id>`), the RPC URL and port of this test's anvil and
// service, and optional `[…]` parts, which are left out. Each command must exit 0 and do what the page says.

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const doc = readFileSync(join(repo, 'docs/issuer.md'), 'utf8')
const dir = mkdtempSync(join(tmpdir(), 'proofx-issuer-docs-'))
const revoker = localAccounts.relayer
const revokerKey = bytesToHex(revoker.getHdKey().privateKey!) as Hex

// `npm run proofx -- <args>` as the repository's script runs it, from the sources (the directory is a temporary one).
const npmFunction = `npm() {
  [ "$1 $2 $3" = "run proofx --" ] || { echo "not a documented proofx command: npm $*" >&2; return 2; }
  shift 3
  exec ${JSON.stringify(process.execPath)} --conditions=@proofx/source --import ${JSON.stringify(pathToFileURL(join(repo, 'node_modules/tsx/dist/loader.mjs')).href)} ${JSON.stringify(join(repo, 'cli/src/cli/proofx.ts'))} "$@"
}`

/** The page's sh blocks, one command each (backslash continuations joined, comments and blank lines dropped). */
const commands = [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block]) =>
  block!
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#')),
)
const csvBlock = /```csv\n([\s\S]*?)```/.exec(doc)?.[1]
const csvFile = /--input (\S+\.csv)/.exec(doc)?.[1]

let anvil: AnvilInstance
let deployment: LocalDeployment
const captured: { keyHash?: string; id?: string; apiKey?: string } = {}
const exports: string[] = []
let service: ReturnType<typeof spawn> | undefined
let serviceOutput = ''
let serviceUrl: string | undefined

const fill = (command: string) =>
  command
    .replace(/\s*\[[^\]]*\]/g, '')
    .replaceAll('PROOFX_ADMIN_KEY=0x…', `PROOFX_ADMIN_KEY=${ANVIL_PRIVATE_KEY_0}`)
    .replaceAll('PROOFX_REVOKER_KEY=0x…', `PROOFX_REVOKER_KEY=${revokerKey}`)
    .replaceAll('<key hash from step 1>', captured.keyHash ?? '<no key hash yet>')
    .replaceAll('0xRevokerAddress', revoker.address)
    .replaceAll('<id>', captured.id ?? '<no id yet>')
    .replaceAll('http://127.0.0.1:8545', anvil.rpcUrl)
    .replace(/--port \d+/, '--port 0')

// The page's commands without --rpc reach the default node through PROOFX_RPC_URL, which points at this anvil.
const shellEnv = () => ({ PATH: process.env.PATH!, HOME: dir, PROOFX_RPC_URL: anvil.rpcUrl })
const script = (command: string) => [npmFunction, ...exports, command].join('\n')
const run = (command: string) => {
  const result = spawnSync('bash', ['-euo', 'pipefail', '-c', script(command)], { cwd: dir, env: shellEnv(), encoding: 'utf8', timeout: 180_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
const publicClient = () => createPublicClient({ transport: http(anvil.rpcUrl) })
const callService = (path: string, init: RequestInit = {}) =>
  fetch(`${serviceUrl}${path}`, { ...init, headers: { authorization: `Bearer ${captured.apiKey}`, 'content-type': 'application/json' } })

beforeAll(async () => {
  anvil = await startAnvil()
  deployment = await deployLocal({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_PRIVATE_KEY_0, writeDeploymentFile: false })
  // The page's deployment file is deployments/31337.json: what `proofx deploy` wrote for this chain.
  expect(deployment.chainId).toBe(31337)
  mkdirSync(join(dir, 'deployments'))
  writeFileSync(join(dir, 'deployments', '31337.json'), JSON.stringify(deployment, null, 2))
  // Step 7's document: the one the admin wrote (here the demo's accredited policy, which this deployment lists).
  writeFileSync(join(dir, 'accredited.json'), JSON.stringify(DEMO_POLICY_DOCUMENTS.accredited, null, 2))
  writeFileSync(join(dir, csvFile!), csvBlock!)
}, 300_000)

afterAll(async () => {
  if (service && service.exitCode === null) {
    const exited = new Promise((resolve) => service!.once('exit', resolve))
    service.kill('SIGTERM')
    await exited
  }
  await anvil?.stop()
})

test('docs/issuer.md has the whole journey: key, registration, issuance, revocation, service, policy', () => {
  expect(csvBlock && csvFile).toBeTruthy()
  const journey = [
    'issuer key create',
    'admin add-issuer',
    'issuer issue',
    'issuer revoke',
    'issuer api-key create',
    'issuer serve',
    'issuer api-key revoke',
    'policy set',
  ]
  const positions = journey.map((words) => commands.findIndex((command) => command.includes(`proofx -- ${words}`)))
  expect(
    positions.every((position) => position >= 0),
    JSON.stringify(positions),
  ).toBe(true)
  expect(positions.slice(0, 4)).toEqual([...positions.slice(0, 4)].sort((a, b) => a - b))
})

// A journey by design, not shuffled: docs/issuer.md's commands run in the order a reader runs them, each using
// what the previous ones made (the key, the ledger, the running service).
describe('the commands of docs/issuer.md, in order, against anvil', { shuffle: false }, () => {
  test.each(commands.map((command, index) => [index + 1, command] as const))('%i: %s', async (_index, command) => {
    if (command.startsWith('export ')) {
      exports.push(command)
      return
    }
    const filled = fill(command)
    expect(filled, 'an unfilled placeholder').not.toMatch(/…|<[^>]*>/)

    if (filled.includes('issuer serve')) {
      service = spawn('bash', ['-euo', 'pipefail', '-c', script(filled)], { cwd: dir, env: shellEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
      const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`issuer serve did not log "listening" within 60 s:\n${serviceOutput}`)), 60_000)
        const onData = (chunk: Buffer) => {
          serviceOutput += chunk.toString('utf8')
          for (const line of serviceOutput.split('\n'))
            if (line.includes('"proofx issuance service listening"')) {
              clearTimeout(timer)
              resolve(JSON.parse(line))
            }
        }
        service!.stdout!.on('data', onData)
        service!.stderr!.on('data', onData)
        service!.once('exit', (code) => reject(new Error(`issuer serve exited (${code}):\n${serviceOutput}`)))
      })
      serviceUrl = String(listening.address)
      // The back office issues with the key `api-key create` printed.
      const [, subject, attributes] = /--subject (\S+)\s+--attributes '([^']+)'/.exec(doc.replace(/\\\n\s*/g, ' '))!
      const issued = await callService('/v1/credentials', { method: 'POST', body: JSON.stringify({ subject, ...JSON.parse(attributes!) }) })
      expect(issued.status).toBe(201)
      expect(await issued.json()).toMatchObject({ record: { subject, status: 'issued' }, link: expect.stringMatching(/#proofx-credential=/) })
      return
    }

    const result = run(filled)
    expect(result, `${filled}\n${result.stderr}`).toMatchObject({ code: 0 })
    const out = () => JSON.parse(result.stdout)

    if (filled.includes('issuer key create')) {
      captured.keyHash = out().keyHash
      expect(readFileSync(join(dir, 'issuer-key.json'), 'utf8')).toContain('"cipher": "aes-256-gcm"')
    } else if (filled.includes('issuer key hash')) {
      expect(result.stdout.trim()).toBe(captured.keyHash)
    } else if (filled.includes('admin add-issuer')) {
      expect(
        await publicClient().readContract({
          address: deployment.proxy,
          abi: proofXVerifierAbi,
          functionName: 'isTrustedIssuer',
          args: [BigInt(captured.keyHash!)],
        }),
      ).toBe(true)
    } else if (filled.includes('issuer issue')) {
      const issued = out() as { id: string; file: string; linkFile?: string; qrFile?: string }[]
      for (const { file, linkFile, qrFile } of issued) {
        expect(existsSync(join(dir, file)), file).toBe(true)
        if (!filled.includes('--holder-page')) continue
        // The link carries the very credential of the file, in its fragment; the QR code is an SVG of it.
        const link = readFileSync(join(dir, linkFile!), 'utf8').trim()
        expect(link.startsWith('https://wallet.example/import#')).toBe(true)
        expect(readCredentialLink(link)).toEqual(JSON.parse(readFileSync(join(dir, file), 'utf8')))
        expect(readFileSync(join(dir, qrFile!), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
        expect(statSync(join(dir, linkFile!)).mode & 0o777).toBe(0o600)
      }
      if (filled.includes('--input')) expect(issued.every(({ linkFile }) => linkFile)).toBe(true)
      captured.id ??= issued[0]!.id
    } else if (filled.includes('issuer list')) {
      expect(out().map((record: { id: string }) => record.id)).toContain(captured.id)
    } else if (filled.includes('issuer show')) {
      expect(out()).toMatchObject({ id: captured.id, status: 'issued' })
    } else if (filled.includes('issuer revoke')) {
      const revoked = out()
      expect(revoked).toMatchObject({ id: captured.id, status: 'revoked', alreadyRevoked: false, chainId: 31337 })
      expect(
        await publicClient().readContract({
          address: deployment.proxy,
          abi: proofXVerifierAbi,
          functionName: 'isRevoked',
          args: [BigInt(captured.keyHash!), BigInt(revoked.nullifier)],
        }),
      ).toBe(true)
    } else if (filled.includes('issuer api-key create')) {
      captured.apiKey = out().key
    } else if (filled.includes('issuer api-key list')) {
      expect(out()).toEqual([expect.objectContaining({ name: 'back-office', status: 'active' })])
    } else if (filled.includes('issuer api-key revoke')) {
      expect(out()).toMatchObject({ name: 'back-office', status: 'revoked' })
      expect((await callService('/v1/credentials')).status).toBe(401)
    } else if (filled.includes('policy validate')) {
      expect(out()).toMatchObject({ valid: true, document: { name: 'accredited' } })
    } else if (filled.includes('policy hash')) {
      expect(result.stdout.trim()).toMatch(/^\d+$/)
    } else if (filled.includes('policy set')) {
      expect(out()).toMatchObject({ policyHash: run(fill('npm run proofx -- policy hash accredited.json')).stdout.trim() })
    }
  })
})
