// Gas per contract entry point from `forge test --gas-report`, plus the cold, single-transaction figures the
// gas test logs (bare Groth16Verifier.verifyProof against ProofXVerifier.submitProof of the same proof).
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { encodeFunctionData } from 'viem'
import { proofXVerifierAbi } from '@proofx/sdk'
import { measureAnvilBatchGas, type AnvilBatchGasResult } from './anvil-batch-gas.js'
import { measureAnvilTransactionGas, type AnvilGasResult } from './anvil-transaction-gas.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const forgeDir = fileURLToPath(new URL('../../.test-output/bench/forge/', import.meta.url))
// Unit suites only: the fuzz and invariant suites would multiply the run time without adding entry points.
const SUITES = 'ProofXVerifier(Gas|BatchGas|SubmitProof|SubmitProofs|Admin|IsCompliant)Test'

export type GasRow = { contract: string; fn: string; min: number; avg: number; median: number; max: number; calls: number }
export type GasBenchResult = {
  rows: GasRow[]
  deployments: { contract: string; cost: number; size: number }[]
  /** From the gas test's console logs: cold calls, execution gas only (no 21,000 base, no calldata). */
  logged: Record<string, number>
  /** Intrinsic cost a submitProof transaction adds on top of execution: 21,000 + calldata bytes (4/16 gas). */
  submitIntrinsic: number
  failingTests: string[]
  /** Receipts of real submitProof transactions on anvil. */
  anvil: AnvilGasResult
  /** Receipts of submitProofs batches on anvil, next to submitProof of the same proofs. */
  batch: AnvilBatchGasResult
  command: string
  seconds: number
}

export async function runGasBench(): Promise<GasBenchResult> {
  const args = ['forge', 'test', '--gas-report', '-vv', '--match-contract', SUITES]
  const started = performance.now()
  // A separate out/cache so this run never clobbers the contracts' own build directory.
  const env = { ...process.env, FOUNDRY_OUT: `${forgeDir}out`, FOUNDRY_CACHE_PATH: `${forgeDir}cache` }
  const output = await promisify(execFile)('npx', args, { cwd: root, env, maxBuffer: 64 * 2 ** 20, timeout: 300_000 })
    .then((r) => r.stdout + r.stderr)
    .catch((error: { stdout?: string; stderr?: string; message: string }) => {
      // Failing tests exit non-zero but still print the report; anything else (no report) is an error.
      const text = (error.stdout ?? '') + (error.stderr ?? '')
      if (!text.includes('Function Name')) throw new Error(`forge test --gas-report failed: ${error.message}\n${text.slice(-2000)}`)
      return text
    })
  const anvil = await measureAnvilTransactionGas()
  const batch = await measureAnvilBatchGas()
  return {
    ...parseGasReport(output),
    submitIntrinsic: submitIntrinsicGas(),
    anvil,
    batch,
    command: `npx ${args.join(' ')}`,
    seconds: (performance.now() - started) / 1000,
  }
}

export function parseGasReport(text: string): Omit<GasBenchResult, 'submitIntrinsic' | 'anvil' | 'batch' | 'command' | 'seconds'> {
  const rows: GasRow[] = []
  const deployments: GasBenchResult['deployments'] = []
  let contract = ''
  let expectDeployment = false
  for (const line of text.split('\n')) {
    const cells = line
      .split('|')
      .map((c) => c.trim())
      .filter((_, i, all) => i > 0 && i < all.length - 1)
    const header = line.match(/\|\s*\S*:(\w+) Contract\s*\|/)
    if (header) {
      contract = header[1]!
      continue
    }
    if (cells[0] === 'Deployment Cost') {
      expectDeployment = true
      continue
    }
    if (expectDeployment && /^\d+$/.test(cells[0] ?? '')) {
      deployments.push({ contract, cost: Number(cells[0]), size: Number(cells[1]) })
      expectDeployment = false
      continue
    }
    if (contract && cells.length === 6 && /^\w+$/.test(cells[0]!) && cells.slice(1).every((c) => /^\d+$/.test(c))) {
      const [fn, min, avg, median, max, calls] = cells
      rows.push({ contract, fn: fn!, min: Number(min), avg: Number(avg), median: Number(median), max: Number(max), calls: Number(calls) })
    }
  }
  const logged: Record<string, number> = {}
  for (const match of text.matchAll(/^\s+([^\n:]+ gas):\s+(\d+)\s*$/gm)) logged[match[1]!.trim()] = Number(match[2])
  const failingTests = [...new Set([...text.matchAll(/\[FAIL[^\]]*\]\s+(\w+)\(/g)].map((m) => m[1]!))]
  return { rows, deployments, logged, failingTests }
}

/** 21,000 + calldata cost of submitProof(policyId, subject, proof) with the committed fixture proof. */
function submitIntrinsicGas(): number {
  const fixtures = JSON.parse(readFileSync(`${root}contracts/test/fixtures/proofs.json`, 'utf8'))
  const p = fixtures.proofs.accredited
  const big = (v: string) => BigInt(v)
  const data = encodeFunctionData({
    abi: proofXVerifierAbi,
    functionName: 'submitProof',
    args: [
      big(p.policyId),
      p.subject,
      {
        issuerKeyHash: big(p.issuerKeyHash),
        nullifier: big(p.nullifier),
        timestamp: big(p.timestamp),
        a: p.a.map(big),
        b: p.b.map((r: string[]) => r.map(big)),
        c: p.c.map(big),
      },
    ],
  } as never)
  const bytes = Buffer.from(data.slice(2), 'hex')
  return 21_000 + bytes.reduce((gas, byte) => gas + (byte === 0 ? 4 : 16), 0)
}
