import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createPublicClient, http } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { parseDeployment, proofXVerifierAbi } from '@proofx/sdk'
import { localAccounts } from '@proofx/test-helpers/local-accounts'
import { type AnvilInstance, startAnvil } from '@proofx/test-helpers/anvil'

// The README's quick start promises a new reader deploys ProofX themselves and proves and submits against that
// deployment. This runs its sh block as the page writes it, through bash from the repository root, against an anvil
// started as the page says (`--block-time 1`). The only edits are the overrides the page itself names: RPC_URL (this
// test's anvil is on a free port, not 8545), DEPLOYMENTS_DIR and DEPLOYMENT (a temporary folder, so the developer's
// own deployments/31337.json is left as it was).

const repo = fileURLToPath(new URL('../../', import.meta.url))
const readme = readFileSync(join(repo, 'README.md'), 'utf8')
const quickStart = /^## Quick start[^\n]*\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? ''
const anvilCommand = /In one terminal `([^`]+)`/.exec(quickStart)?.[1]
const commands = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1]

let anvil: AnvilInstance
let dir: string

beforeAll(async () => {
  anvil = await startAnvil({ blockTime: 1 })
  dir = mkdtempSync(join(tmpdir(), 'proofx-readme-quick-start-'))
})

afterAll(async () => {
  await anvil?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

test('the README quick start starts anvil with a 1 s block time and runs build, proofx deploy, then the example', () => {
  expect(anvilCommand).toBe('npx anvil --block-time 1')
  expect(commands).toMatch(/npx forge build && npm run build/)
  expect(commands).toMatch(/bash scripts\/quick-start-deploy\.sh/)
  expect(commands).toMatch(/cd examples\/node && node prove-and-submit\.mjs/)
})

// A full build, a deployment and a real proof on a shared 2-core machine.
test('its commands, in order: the reader deploys, then proves and submits against the deployment file they made', { timeout: 900_000 }, async () => {
  const deploymentFile = join(dir, '31337.json')
  const result = spawnSync('bash', ['-euo', 'pipefail', '-c', commands!], {
    cwd: repo,
    env: { ...process.env, RPC_URL: anvil.rpcUrl, DEPLOYMENTS_DIR: dir, DEPLOYMENT: deploymentFile },
    encoding: 'utf8',
    timeout: 880_000,
  })
  expect(result.status, `${result.stderr}\n${result.stdout}`).toBe(0)
  // proofx deploy: the deployment file, and the next steps it prints.
  expect(result.stdout).toContain(
    JSON.stringify({ chainId: 31337, proxy: parseDeployment(JSON.parse(readFileSync(deploymentFile, 'utf8'))).proxy, file: deploymentFile }),
  )
  expect(result.stderr).toMatch(/ProofX is deployed on chain 31337[\s\S]*Next steps:/)
  // The example against that deployment.
  expect(result.stdout).toMatch(/proved in \d+ ms\nsubmitted 0x[0-9a-f]{64}\ncompliant until \d{4}-\d\d-\d\dT/)

  // The deployment is the reader's (on this anvil, on the current circuit) and the example's account is compliant.
  const deployment = parseDeployment(JSON.parse(readFileSync(deploymentFile, 'utf8')))
  const manifest = JSON.parse(readFileSync(join(repo, 'circuits/artifacts/manifest.json'), 'utf8')) as { vkeyHash: string }
  expect(deployment.vkeyHash).toBe(manifest.vkeyHash)
  const client = createPublicClient({ transport: http(anvil.rpcUrl) })
  expect(await client.getCode({ address: deployment.proxy })).toMatch(/^0x[0-9a-f]+$/)
  const compliant = await client.readContract({
    address: deployment.proxy,
    abi: proofXVerifierAbi,
    functionName: 'isCompliant',
    args: [localAccounts.subject.address, 1n],
  })
  expect(compliant).toBe(true)
})
